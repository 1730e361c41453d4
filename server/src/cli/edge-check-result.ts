import { readFileSync } from 'node:fs';
import { parseJsonDocument } from '../document/json';
import { checkResultText, describeConsequence, isTrigger, type ResultVerdict, type Trigger, triggers } from '../edge';
import { parseArgs, single, UsageError } from './args';
import { exitCodes, type CommandIO } from './command';
import { reasonOf } from './files';

/** A file the command could not use, said as `file:line:col: reason` where there is a place. */
class InputError extends Error {}

/**
 * `edge check-result RESULT.json [--event EVENT.json] [--trigger TRIGGER]`:
 * what CloudFront makes of a function's result, each violation at its place
 * in the result file. Exit 1 when CloudFront would reject it.
 */
export async function checkResultSubcommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['event', 'trigger', 'format'], flags: [] });
  const [resultPath, ...extra] = args.positionals;
  if (!resultPath) throw new UsageError('edge check-result needs the RESULT file (or - for stdin)');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
  const format = single(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
  const eventPath = single(args, 'event');
  try {
    const event = eventPath === undefined ? undefined : readEvent(eventPath);
    const trigger = triggerOf(single(args, 'trigger'), event, eventPath);
    const text = read(resultPath);
    const verdict = checkResultText(text, { trigger, ...(event === undefined ? {} : { event }) });
    if (format === 'json') io.stdout(`${JSON.stringify(verdict, null, 2)}\n`);
    else io.stdout(formatVerdict(resultPath, text, verdict));
    const rejected = verdict.violations.some((v) => v.consequence.kind === 'viewer-error' || v.consequence.kind === 'deploy-error');
    return rejected ? exitCodes.findings : exitCodes.ok;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`lambda-workbench edge check-result: ${error.message}\n`);
    return exitCodes.usage;
  }
}

function read(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: ${reasonOf(error)}`);
  }
}

function readEvent(path: string): unknown {
  const document = parseJsonDocument(read(path));
  const problem = document.syntaxProblems[0];
  if (problem || !document.root) {
    const at = document.lines.positionAt(problem?.offset ?? 0);
    throw new InputError(`${path}:${at.line + 1}:${at.character + 1}: the event is not valid JSON`);
  }
  return JSON.parse(document.text) as unknown;
}

/** --trigger when given (and then it must agree with the event), else the event's eventType. */
function triggerOf(given: string | undefined, event: unknown, eventPath: string | undefined): Trigger {
  const declared = (event as { Records?: Array<{ cf?: { config?: { eventType?: unknown } } }> } | undefined)?.Records?.[0]?.cf?.config?.eventType;
  if (given !== undefined) {
    if (!isTrigger(given)) throw new UsageError(`--trigger must be one of ${triggers.join(', ')} (got "${given}")`);
    if (isTrigger(declared) && declared !== given) throw new InputError(`${eventPath ?? 'event'}: the event is a ${declared} event, not ${given}`);
    return given;
  }
  if (isTrigger(declared)) return declared;
  if (eventPath !== undefined) throw new InputError(`${eventPath}: the event has no valid config.eventType; give --trigger`);
  throw new UsageError('give --trigger, or --event with the event the function received');
}

/** `file:line:col: 502 LambdaValidationError result.rule: message`, then the verdict in a line. */
function formatVerdict(path: string, text: string, verdict: ResultVerdict): string {
  const { lines } = parseJsonDocument(text);
  const out = verdict.violations.map((v) => {
    const at = lines.positionAt(v.range.offset);
    return `${path}:${at.line + 1}:${at.character + 1}: ${describeConsequence(v.consequence)} ${v.rule}: ${v.message}`;
  });
  const error = verdict.viewerError;
  out.push(error ? `CloudFront would answer ${error.status} (${error.errorType}) for this ${verdict.trigger} result.` : `CloudFront accepts this ${verdict.trigger} result${verdict.outcome ? ` (${verdict.outcome})` : ''}.`);
  for (const note of verdict.unchecked) out.push(`Not checked: ${note}.`);
  return `${out.join('\n')}\n`;
}
