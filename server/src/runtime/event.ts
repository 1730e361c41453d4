import { parseJsonDocument } from '../document/json';

/** An event text that is not JSON: where it first goes wrong and why. */
export interface EventProblem {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Checks an event before invoking: Lambda accepts only JSON. Empty text is
 * the empty object, as Invoke without a payload gives the handler `{}`.
 */
export function prepareEvent(text: string): { payload: string } | { problem: EventProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { payload: '{}' };
  if (isJson(body)) return { payload: body };
  const document = parseJsonDocument(body);
  const first = document.syntaxProblems[0];
  if (!first) return { payload: body };
  const { line, character } = document.lines.positionAt(first.offset);
  return { problem: { offset: first.offset, line: line + 1, column: character + 1, message: `the event is not valid JSON (${first.code})` } };
}

/** V8's parser is the fast way to a yes; only a no needs the located parse. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
