import type { RequestInput } from '../../../server/src/alb';
import { quoteShellWord, splitShellWords } from '../shell-words';

/**
 * The request as one line, the way the CLI takes it:
 * `GET https://example.com/img/1.png -H "User-Agent: curl/8" --source-ip 203.0.113.7`,
 * `POST https://example.com/api -H "Content-Type: application/json" -d '{"a":1}'`.
 * Words are split on spaces; "double" or 'single' quotes keep spaces, and
 * \" writes a quote inside double quotes.
 */
export function parseRequestLine(line: string): { input: RequestInput } | { error: string } {
  const words = splitShellWords(line);
  if ('error' in words) return words;
  const [method, url, ...rest] = words.words;
  if (method === undefined || url === undefined) return { error: 'write a method and a URL, e.g. GET https://example.com/img/1.png' };
  const headers: string[] = [];
  let sourceIp: string | undefined;
  let body: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    const value = rest[i + 1];
    if ((word === '-H' || word === '--header') && value !== undefined) {
      headers.push(value);
      i++;
    } else if (word === '--source-ip' && value !== undefined) {
      sourceIp = value;
      i++;
    } else if ((word === '-d' || word === '--data') && value !== undefined) {
      body = value;
      i++;
    } else {
      return { error: `"${word}" is not understood: add headers with -H "Name: value", a body with -d BODY (or -d @FILE for a file's bytes) and the client address with --source-ip IP` };
    }
  }
  return { input: { method, url, headers, ...(sourceIp !== undefined ? { sourceIp } : {}), ...(body !== undefined ? { body } : {}) } };
}

/** The line a request is remembered and shown as; parsing it gives the request back. */
export function formatRequestLine(input: RequestInput): string {
  const headers = (input.headers ?? []).map((h) => ` -H ${quoteShellWord(h)}`).join('');
  const body = input.body !== undefined ? ` -d ${quoteShellWord(input.body)}` : '';
  return `${input.method} ${input.url}${headers}${body}${input.sourceIp ? ` --source-ip ${input.sourceIp}` : ''}`;
}

/** The example request a shadowed-rule finding names ("For example, `GET https://…` goes to rule 10."), as a request line. */
export function exampleRequestOf(message: string): string | undefined {
  return /For example, `(.*)` goes to /.exec(message)?.[1];
}
