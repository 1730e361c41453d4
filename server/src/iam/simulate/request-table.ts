import { readJsonLineObjects } from '../../document/json-lines';
import { decisions, type Decision } from './decide';
import { isPrivilege, type SimulationRequest } from './request';

/**
 * A request table: one request a line (JSON lines), each with the decision it
 * should get, so that CI holds policies to what they must allow and deny:
 * `{"action": "s3:GetObject", "resource": "arn:…", "principal": "arn:…",
 * "context": {"aws:SourceIp": "192.0.2.1", "aws:TagKeys": ["a", "b"]},
 * "expect": "allowed"}`.
 */
export type RequestTableLine =
  | { readonly kind: 'request'; readonly line: number; readonly request: SimulationRequest; readonly expect?: Decision }
  | { readonly kind: 'problem'; readonly line: number; readonly message: string };

const keys: ReadonlySet<string> = new Set(['action', 'resource', 'principal', 'context', 'expect']);

/** Every non-blank line, numbered from 1; a line that is no request says why. */
export function readRequestTable(text: string): RequestTableLine[] {
  return readJsonLineObjects(text, keys, '{"action": "s3:GetObject", "resource": "arn:…", "expect": "allowed"}').map((read) =>
    'problem' in read ? { kind: 'problem', line: read.line, message: read.problem } : readRequest(read.fields, read.line),
  );
}

function readRequest(fields: Readonly<Record<string, unknown>>, line: number): RequestTableLine {
  const problem = (message: string): RequestTableLine => ({ kind: 'problem', line, message });
  const { action, resource, principal, context, expect } = fields;
  if (typeof action !== 'string' || typeof resource !== 'string') return problem('"action" and "resource" are required strings');
  if (!isPrivilege(action)) return problem(`"action" is one privilege as SERVICE:ACTION, without wildcards (got "${action}")`);
  if (principal !== undefined && typeof principal !== 'string') return problem('"principal" is a string (an ARN or a service principal)');
  const pairs = contextPairs(context);
  if (typeof pairs === 'string') return problem(pairs);
  if (expect !== undefined && !decisions.includes(expect as Decision)) return problem(`"expect" is one of ${decisions.join(', ')} (got ${JSON.stringify(expect)})`);
  const request: SimulationRequest = { action, resource, principal, context: pairs };
  return { kind: 'request', line, request, ...(expect !== undefined ? { expect: expect as Decision } : {}) };
}

/** `{"key": "value", "multi": ["a", "b"]}` into the request's pairs (a key with a list is multi-valued). */
function contextPairs(context: unknown): Array<readonly [string, string]> | string {
  if (context === undefined) return [];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return '"context" is an object: {"aws:SourceIp": "192.0.2.1"}';
  const pairs: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(context)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((v): v is string => typeof v === 'string')) return `context key "${key}" takes a string or a list of strings`;
    for (const v of values) pairs.push([key, v]);
  }
  return pairs;
}
