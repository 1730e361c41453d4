import { isPrivilege } from '../../../server/src/iam';
import { quoteShellWord, splitShellWords } from '../shell-words';

/** A request to simulate against IAM policies, as the preview keeps it. */
export interface IamRequestInput {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  /** Context keys in the order given; a key given twice is multi-valued. */
  readonly context: ReadonlyArray<readonly [string, string]>;
}

/** The request line's parts, as the prompt and its completion read them. */
export const requestLineHelp = 'SERVICE:ACTION RESOURCE-ARN, then --principal ARN for the caller and KEY=VALUE for each context key (aws:SourceIp=192.0.2.1)';

/**
 * Reads `s3:GetObject arn:aws:s3:::bucket/key --principal ARN aws:SourceIp=192.0.2.1`:
 * the action, the resource, then the caller and context keys in any order.
 * Quotes keep spaces inside a value, as in a shell.
 */
export function parseIamRequestLine(line: string): { input: IamRequestInput } | { error: string } {
  const split = splitShellWords(line);
  if ('error' in split) return split;
  const [action, resource, ...rest] = split.words;
  if (action === undefined || resource === undefined) return { error: 'give the action and the resource, e.g. s3:GetObject arn:aws:s3:::bucket/key' };
  if (!isPrivilege(action)) return { error: `the action is one privilege as SERVICE:ACTION, without wildcards (got "${action}")` };
  let principal: string | undefined;
  const context: Array<readonly [string, string]> = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (word === '--principal') {
      const value = rest[++i];
      if (value === undefined || value === '') return { error: '--principal needs an ARN (or a service principal)' };
      principal = value;
      continue;
    }
    const eq = word.indexOf('=');
    const key = eq < 0 ? '' : word.slice(0, eq);
    if (!/^[^:=\s]+:\S+$/.test(key)) return { error: `"${word}" is not KEY=VALUE with a key such as aws:SourceIp` };
    context.push([key, word.slice(eq + 1)]);
  }
  return { input: { action, resource, ...(principal !== undefined ? { principal } : {}), context } };
}

/** The line a request is shown and remembered as; parsing it gives the request back. */
export function formatIamRequestLine(input: IamRequestInput): string {
  const principal = input.principal !== undefined ? ` --principal ${quoteShellWord(input.principal)}` : '';
  const context = input.context.map(([key, value]) => ` ${quoteShellWord(`${key}=${value}`)}`).join('');
  return `${quoteShellWord(input.action)} ${quoteShellWord(input.resource)}${principal}${context}`;
}

/** The word being typed at the end of a line, and what it names, for completion. */
export function wordAtEnd(line: string): { kind: 'action' | 'contextKey'; typed: string; action: string | undefined } | undefined {
  if (/["']/.test(line)) return undefined;
  const words = line.split(/\s+/);
  const typed = words.at(-1) ?? '';
  const before = words.slice(0, -1).filter((w) => w !== '');
  if (before.length === 0) return { kind: 'action', typed, action: undefined };
  if (before.length < 2 || before.at(-1) === '--principal' || typed.includes('=') || typed.startsWith('-')) return undefined;
  return { kind: 'contextKey', typed, action: before[0] };
}

