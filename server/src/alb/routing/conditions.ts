import type { TextRange } from '../../language/finding';
import type { ConditionModel, Located } from '../model/types';
import { cidrContains, parseCidr, parseIp } from '../patterns/cidr';
import { matchGlob, parseGlob } from '../patterns/glob';
import { compileAwsRegex } from '../patterns/regex';
import type { RoutingOptions } from './options';
import { hostName, type AlbRequest } from './request';

/** Whether a condition (or a rule) holds for the request; `unknown` when the document does not say enough. */
export type Verdict = 'matched' | 'not-matched' | 'unknown';

/** One condition's verdict, with the reason in words. */
export interface ConditionTrace {
  readonly range: TextRange;
  readonly field: string;
  readonly verdict: Verdict;
  readonly reason: string;
  /** The value that matched, for highlighting it. */
  readonly matchedRange?: TextRange;
}

/** Percent-decoding that leaves malformed escapes as they are, as lenient servers do. */
function decode(text: string): string {
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

const quote = (s: string) => JSON.stringify(s);
const list = (items: readonly Located<string>[]) => items.map((i) => (i.value === undefined ? '(expression)' : quote(i.value))).join(', ');

/**
 * Matches `subject` against glob values, then regex values: the first that
 * matches wins; values the document does not spell out make the answer unknown.
 */
function matchValues(
  condition: ConditionModel,
  subjects: readonly string[],
  options: { caseInsensitive: boolean; what: string },
): Omit<ConditionTrace, 'range' | 'field'> {
  let unresolved = false;
  for (const item of condition.values) {
    if (item.value === undefined) {
      unresolved = true;
      continue;
    }
    const glob = parseGlob(item.value, { caseInsensitive: options.caseInsensitive });
    const hit = subjects.find((s) => matchGlob(glob, s));
    if (hit !== undefined) return { verdict: 'matched', reason: `${options.what} ${quote(hit)} matches ${quote(item.value)}`, matchedRange: item.range };
  }
  for (const item of condition.regexValues) {
    const compiled = item.value === undefined ? undefined : compileAwsRegex(item.value);
    if (!compiled || 'error' in compiled) {
      unresolved = true;
      continue;
    }
    const hit = subjects.find((s) => compiled.regex.test(s));
    if (hit !== undefined) return { verdict: 'matched', reason: `${options.what} ${quote(hit)} matches the regex ${quote(item.value ?? '')}`, matchedRange: item.range };
  }
  const all = [...condition.values, ...condition.regexValues];
  if (unresolved) return { verdict: 'unknown', reason: `${options.what} is compared with values this document does not spell out (CloudFormation expressions or regexes the simulator cannot run)` };
  const shown = subjects.length === 1 ? quote(subjects[0] ?? '') : subjects.map(quote).join(' / ');
  return { verdict: 'not-matched', reason: `${options.what} ${shown} matches none of ${list(all)}` };
}

function queryPairs(query: string, percentDecode: boolean): Array<{ key: string; value: string }> {
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return percentDecode ? { key: decode(key), value: decode(value) } : { key, value };
    });
}

export function evaluateCondition(condition: ConditionModel, request: AlbRequest, options: RoutingOptions): ConditionTrace {
  const at = { range: condition.range, field: condition.kind ?? condition.field?.value ?? '(no field)' };
  switch (condition.kind) {
    case 'host-header': {
      const host = options.hostPort === 'ignore' ? hostName(request.host) : request.host;
      return { ...at, ...matchValues(condition, [host], { caseInsensitive: true, what: 'host' }) };
    }
    case 'path-pattern': {
      const path = options.percentDecode ? decode(request.path) : request.path;
      return { ...at, ...matchValues(condition, [path], { caseInsensitive: false, what: 'path' }) };
    }
    case 'http-header': {
      const name = condition.headerName?.value;
      if (name === undefined) return { ...at, verdict: 'unknown', reason: 'the condition names no header' };
      const values = request.headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);
      if (values.length === 0) return { ...at, verdict: 'not-matched', reason: `the request has no ${name} header` };
      // "If the same header appears multiple times in the request, we search them in order until a match is found."
      return { ...at, ...matchValues(condition, values, { caseInsensitive: true, what: `header ${name}` }) };
    }
    case 'http-request-method': {
      const hit = condition.values.find((v) => v.value === request.method);
      if (hit) return { ...at, verdict: 'matched', reason: `method ${request.method} is ${quote(request.method)}`, matchedRange: hit.range };
      if (condition.values.some((v) => v.value === undefined)) return { ...at, verdict: 'unknown', reason: 'the methods are CloudFormation expressions' };
      return { ...at, verdict: 'not-matched', reason: `method ${request.method} is none of ${list(condition.values)} (methods are case-sensitive)` };
    }
    case 'query-string':
      return { ...at, ...matchQuery(condition, request, options) };
    case 'source-ip':
      return { ...at, ...matchSourceIp(condition, request) };
    default:
      return { ...at, verdict: 'unknown', reason: `${quote(at.field)} is not a condition field` };
  }
}

function matchQuery(condition: ConditionModel, request: AlbRequest, options: RoutingOptions): Omit<ConditionTrace, 'range' | 'field'> {
  const pairs = queryPairs(request.query, options.percentDecode);
  let unresolved = false;
  for (const expected of condition.queryPairs) {
    const key = expected.key?.value;
    const value = expected.value?.value;
    if ((expected.key && key === undefined) || value === undefined) {
      unresolved = true;
      continue;
    }
    const keyGlob = key === undefined ? undefined : parseGlob(key, { caseInsensitive: true, escapes: true });
    const valueGlob = parseGlob(value, { caseInsensitive: true, escapes: true });
    const hit = pairs.find((p) => (!keyGlob || matchGlob(keyGlob, p.key)) && matchGlob(valueGlob, p.value));
    if (hit) {
      const wanted = key === undefined ? `any key = ${quote(value)}` : `${quote(key)} = ${quote(value)}`;
      return { verdict: 'matched', reason: `query pair ${hit.key}=${hit.value} matches ${wanted}`, matchedRange: expected.range };
    }
  }
  if (unresolved) return { verdict: 'unknown', reason: 'the query-string values are not spelled out in this document' };
  const wanted = condition.queryPairs.map((p) => `${p.key?.value ?? '*'}=${p.value?.value ?? ''}`).join(', ');
  return { verdict: 'not-matched', reason: pairs.length ? `no query pair matches ${wanted}` : `the request has no query string (wanted ${wanted})` };
}

function matchSourceIp(condition: ConditionModel, request: AlbRequest): Omit<ConditionTrace, 'range' | 'field'> {
  const ip = request.sourceIp === undefined ? undefined : parseIp(request.sourceIp);
  if (!ip) return { verdict: 'not-matched', reason: 'the request has no source IP (give one to test source-ip conditions)' };
  let unresolved = false;
  for (const item of condition.values) {
    const block = item.value === undefined ? undefined : parseCidr(item.value);
    if (!block || 'error' in block) {
      unresolved = true;
      continue;
    }
    if (cidrContains(block, ip)) return { verdict: 'matched', reason: `source ${request.sourceIp ?? ''} is in ${item.value ?? ''}`, matchedRange: item.range };
  }
  if (unresolved) return { verdict: 'unknown', reason: 'some source-ip values are not CIDR blocks this document spells out' };
  return { verdict: 'not-matched', reason: `source ${request.sourceIp ?? ''} is in none of ${list(condition.values)}` };
}
