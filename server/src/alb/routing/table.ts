import { readJsonLineObjects } from '../../document/json-lines';
import { type ListenerModel, priorityOf, type RuleModel } from '../model/types';
import type { RoutingOptions } from './options';
import type { Outcome } from './outcome';
import { parseRequest, type AlbRequest, type RequestInput } from './request';
import { decideRoute } from './route';

/**
 * Routing tables: a JSON Lines file of requests, each routed with the fast
 * path, each answered with one JSON line; a line may carry what it expects,
 * and every difference is reported with its line number, so listener rules
 * get regression tests in CI.
 */

/** What a line expects; each key given is compared, the others are not. */
export interface Expectation {
  /** A priority, or "default". */
  readonly rule?: number | 'default';
  readonly action?: Outcome['kind'];
  readonly status?: number;
  readonly location?: string;
  /** A target group that receives the request: its ARN, its name, or a template's logical id. */
  readonly targetGroup?: string;
}

/** The answer for one request, as printed. */
export interface TableAnswer {
  readonly rule: number | 'default' | string | null;
  readonly action: Outcome['kind'];
  readonly status?: number;
  readonly location?: string;
  readonly targetGroups?: readonly string[];
}

/** One line of a routing table, read. */
export type TableLine =
  | { readonly kind: 'request'; readonly line: number; readonly request: AlbRequest; readonly expect: Expectation | undefined }
  | { readonly kind: 'problem'; readonly line: number; readonly message: string };

const requestKeys = new Set(['method', 'url', 'headers', 'sourceIp', 'body', 'expect']);
const expectKeys = new Set(['rule', 'action', 'status', 'location', 'targetGroup']);
const actions: ReadonlySet<string> = new Set<Outcome['kind']>(['forward', 'redirect', 'fixed-response', 'none']);

/** Reads every non-blank line; a line that is not a request says why, with its number (1-based). */
export function readRoutingTable(text: string): TableLine[] {
  return readJsonLineObjects(text, requestKeys, '{"method": "GET", "url": "https://…"}').map((read) =>
    'problem' in read ? { kind: 'problem', line: read.line, message: read.problem } : readRequest(read.fields, read.line),
  );
}

function readRequest(fields: Readonly<Record<string, unknown>>, line: number): TableLine {
  const problem = (message: string): TableLine => ({ kind: 'problem', line, message });
  const { method, url, headers, sourceIp, body, expect } = fields;
  if (typeof method !== 'string' || typeof url !== 'string') return problem('"method" and "url" are required strings');
  const headerLines = readHeaders(headers);
  if (typeof headerLines === 'string') return problem(headerLines);
  if (sourceIp !== undefined && typeof sourceIp !== 'string') return problem('"sourceIp" is a string');
  if (body !== undefined && typeof body !== 'string') return problem('"body" is a string');
  const input: RequestInput = { method, url, headers: headerLines, ...(sourceIp !== undefined ? { sourceIp } : {}), ...(body !== undefined ? { body } : {}) };
  const parsed = parseRequest(input);
  if ('problem' in parsed) return problem(parsed.problem.message);
  const expectation = readExpectation(expect);
  if (typeof expectation === 'string') return problem(expectation);
  return { kind: 'request', line, request: parsed.request, expect: expectation };
}

/** `{"Name": "value"}` or `["Name: value"]`. */
function readHeaders(headers: unknown): string[] | string {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) return headers.every((h): h is string => typeof h === 'string') ? headers : '"headers" holds "Name: value" strings';
  if (!isRecord(headers)) return '"headers" is an object {"Name": "value"} or a list of "Name: value"';
  const lines: string[] = [];
  for (const [name, v] of Object.entries(headers)) {
    if (typeof v !== 'string') return `header "${name}" needs a string value`;
    lines.push(`${name}: ${v}`);
  }
  return lines;
}

function readExpectation(expect: unknown): Expectation | undefined | string {
  if (expect === undefined) return undefined;
  if (!isRecord(expect)) return '"expect" is an object, e.g. {"rule": 10, "status": 301}';
  const unknownKey = Object.keys(expect).find((k) => !expectKeys.has(k));
  if (unknownKey !== undefined) return `unknown expectation "${unknownKey}" (known: ${[...expectKeys].join(', ')})`;
  const { rule, action, status, location, targetGroup } = expect;
  if (rule !== undefined && rule !== 'default' && !(typeof rule === 'number' && Number.isInteger(rule))) return '"expect.rule" is a priority number or "default"';
  if (action !== undefined && (typeof action !== 'string' || !actions.has(action))) return `"expect.action" is one of ${[...actions].join(', ')}`;
  if (status !== undefined && !(typeof status === 'number' && Number.isInteger(status))) return '"expect.status" is a number';
  if (location !== undefined && typeof location !== 'string') return '"expect.location" is a string';
  if (targetGroup !== undefined && typeof targetGroup !== 'string') return '"expect.targetGroup" is a string';
  return { ...(rule !== undefined ? { rule } : {}), ...(action !== undefined ? { action: action as Outcome['kind'] } : {}), ...(status !== undefined ? { status } : {}), ...(location !== undefined ? { location } : {}), ...(targetGroup !== undefined ? { targetGroup } : {}) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Routes one request by the fast path and says what happened in the table's terms. */
export function answerFor(listener: ListenerModel, request: AlbRequest, options: RoutingOptions): TableAnswer {
  const decision = decideRoute(listener, request, options);
  const outcome = decision.outcome;
  const rule = decision.rule ? ruleName(decision.rule) : null;
  switch (outcome.kind) {
    case 'forward':
      return { rule, action: 'forward', targetGroups: outcome.targetGroups.filter((g) => g.weight > 0).map((g) => g.arn) };
    case 'redirect':
      return { rule, action: 'redirect', status: outcome.status, location: outcome.location };
    case 'fixed-response':
      return { rule, action: 'fixed-response', status: outcome.status };
    case 'none':
      return { rule, action: 'none' };
    default: {
      const unhandled: never = outcome;
      throw new Error(`unhandled outcome ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The priority, "default", or the rule's label when it has no numeric priority (a CloudFormation expression). */
function ruleName(rule: RuleModel): number | 'default' | string {
  return rule.isDefault ? 'default' : (priorityOf(rule) ?? rule.label);
}

/** Each expectation the answer does not meet, in words. */
export function mismatches(answer: TableAnswer, expect: Expectation): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined || v === null ? 'none' : JSON.stringify(v));
  if (expect.rule !== undefined && expect.rule !== answer.rule) out.push(`expected rule ${show(expect.rule)}, got ${show(answer.rule)}`);
  if (expect.action !== undefined && expect.action !== answer.action) out.push(`expected action ${show(expect.action)}, got ${show(answer.action)}`);
  if (expect.status !== undefined && expect.status !== answer.status) out.push(`expected status ${show(expect.status)}, got ${show(answer.status)}`);
  if (expect.location !== undefined && expect.location !== answer.location) out.push(`expected location ${show(expect.location)}, got ${show(answer.location)}`);
  const group = expect.targetGroup;
  if (group !== undefined && !(answer.targetGroups ?? []).some((arn) => namesGroup(arn, group))) {
    out.push(`expected target group ${show(group)}, got ${answer.targetGroups?.length ? answer.targetGroups.map(show).join(', ') : 'none'}`);
  }
  return out;
}

/** `arn:…:targetgroup/NAME/ID` is named by the ARN itself or by NAME; a logical id names itself. */
function namesGroup(arn: string, wanted: string): boolean {
  return arn === wanted || /:targetgroup\/([^/]+)\//.exec(arn)?.[1] === wanted;
}
