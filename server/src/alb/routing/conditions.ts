import type { TextRange } from '../../language/finding';
import type { ConditionModel, Located } from '../model/types';
import { cidrContains, parseCidr, parseIp } from '../patterns/cidr';
import { foldCase, matchFolded, matchGlob, parseGlob, type Glob } from '../patterns/glob';
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

const quotable = /["\\]/g;
const quote = (s: string) => `"${s.replace(quotable, '\\$&')}"`;
const hostOptions = { caseInsensitive: true, what: 'host' };
const pathOptions = { caseInsensitive: false, what: 'path' };
const list = (items: readonly Located<string>[]) => items.map((i) => (i.value === undefined ? '(expression)' : quote(i.value))).join(', ');

/** A condition's values, parsed once per model object (the router meets the same rules for every request). */
interface CompiledValues {
  readonly globs: ReadonlyArray<{ readonly glob: Glob; readonly item: Located<string> }>;
  readonly regexes: ReadonlyArray<{ readonly regex: RegExp; readonly item: Located<string> }>;
  /** Some value is not spelled out (an expression) or is a regex the simulator cannot run. */
  readonly unresolved: boolean;
  readonly all: string;
}

const compiled = new WeakMap<ConditionModel, CompiledValues>();

function compile(condition: ConditionModel, caseInsensitive: boolean): CompiledValues {
  let values = compiled.get(condition);
  if (values) return values;
  let unresolved = false;
  const globs: Array<{ glob: Glob; item: Located<string> }> = [];
  const regexes: Array<{ regex: RegExp; item: Located<string> }> = [];
  for (const item of condition.values) {
    if (item.value === undefined) unresolved = true;
    else globs.push({ glob: parseGlob(item.value, { caseInsensitive }), item });
  }
  for (const item of condition.regexValues) {
    const regex = item.value === undefined ? undefined : compileAwsRegex(item.value);
    if (!regex || 'error' in regex) unresolved = true;
    else regexes.push({ regex: regex.regex, item });
  }
  values = { globs, regexes, unresolved, all: list([...condition.values, ...condition.regexValues]) };
  compiled.set(condition, values);
  return values;
}

/**
 * Matches `subjects` against glob values, then regex values: the first that
 * matches wins; values the document does not spell out make the answer unknown.
 */
function matchValues(
  at: Pick<ConditionTrace, 'range' | 'field'>,
  condition: ConditionModel,
  subjects: readonly string[],
  options: { caseInsensitive: boolean; what: string },
): ConditionTrace {
  const values = compile(condition, options.caseInsensitive);
  const folded = options.caseInsensitive ? (subjects.length === 1 ? [foldCase(subjects[0] ?? '')] : subjects.map(foldCase)) : subjects;
  for (const { glob, item } of values.globs) {
    for (let i = 0; i < folded.length; i++) {
      if (matchFolded(glob, folded[i] ?? '')) {
        return { range: at.range, field: at.field, verdict: 'matched', reason: `${options.what} ${quote(subjects[i] ?? '')} matches ${quote(glob.source)}`, matchedRange: item.range };
      }
    }
  }
  for (const { regex, item } of values.regexes) {
    for (const subject of subjects) {
      if (regex.test(subject)) return { range: at.range, field: at.field, verdict: 'matched', reason: `${options.what} ${quote(subject)} matches the regex ${quote(item.value ?? '')}`, matchedRange: item.range };
    }
  }
  if (values.unresolved) {
    return { range: at.range, field: at.field, verdict: 'unknown', reason: `${options.what} is compared with values this document does not spell out (CloudFormation expressions or regexes the simulator cannot run)` };
  }
  const shown = subjects.length === 1 ? quote(subjects[0] ?? '') : subjects.map(quote).join(' / ');
  return { range: at.range, field: at.field, verdict: 'not-matched', reason: `${options.what} ${shown} matches none of ${values.all}` };
}

/** The request's header values by lower-cased name, in order: built once per request. */
const headerIndex = new WeakMap<AlbRequest, Map<string, string[]>>();

function headerValues(request: AlbRequest, name: string): string[] {
  let index = headerIndex.get(request);
  if (!index) {
    index = new Map();
    for (const h of request.headers) {
      const key = h.name.toLowerCase();
      const values = index.get(key);
      if (values) values.push(h.value);
      else index.set(key, [h.value]);
    }
    headerIndex.set(request, index);
  }
  return index.get(name.toLowerCase()) ?? [];
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
      return matchValues(at, condition, [host], hostOptions);
    }
    case 'path-pattern': {
      const path = options.percentDecode ? decode(request.path) : request.path;
      return matchValues(at, condition, [path], pathOptions);
    }
    case 'http-header': {
      const name = condition.headerName?.value;
      if (name === undefined) return { ...at, verdict: 'unknown', reason: 'the condition names no header' };
      const values = headerValues(request, name);
      if (values.length === 0) return { ...at, verdict: 'not-matched', reason: `the request has no ${name} header` };
      // "If the same header appears multiple times in the request, we search them in order until a match is found."
      return matchValues(at, condition, values, { caseInsensitive: true, what: `header ${name}` });
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

interface CompiledPair {
  readonly key: Glob | undefined;
  readonly value: Glob;
  readonly wanted: string;
  readonly range: TextRange;
}

const compiledQueries = new WeakMap<ConditionModel, { pairs: readonly CompiledPair[]; unresolved: boolean; wanted: string }>();

function compileQuery(condition: ConditionModel): { pairs: readonly CompiledPair[]; unresolved: boolean; wanted: string } {
  let known = compiledQueries.get(condition);
  if (known) return known;
  let unresolved = false;
  const pairs: CompiledPair[] = [];
  for (const expected of condition.queryPairs) {
    const key = expected.key?.value;
    const value = expected.value?.value;
    if ((expected.key && key === undefined) || value === undefined) {
      unresolved = true;
      continue;
    }
    pairs.push({
      key: key === undefined ? undefined : parseGlob(key, { caseInsensitive: true, escapes: true }),
      value: parseGlob(value, { caseInsensitive: true, escapes: true }),
      wanted: key === undefined ? `any key = ${quote(value)}` : `${quote(key)} = ${quote(value)}`,
      range: expected.range,
    });
  }
  known = { pairs, unresolved, wanted: condition.queryPairs.map((p) => `${p.key?.value ?? '*'}=${p.value?.value ?? ''}`).join(', ') };
  compiledQueries.set(condition, known);
  return known;
}

/** The request's query pairs, split (and decoded when asked) once per request. */
const queryIndex = new WeakMap<AlbRequest, { decoded: boolean; pairs: Array<{ key: string; value: string }> }>();

function requestPairs(request: AlbRequest, percentDecode: boolean): Array<{ key: string; value: string }> {
  const known = queryIndex.get(request);
  if (known && known.decoded === percentDecode) return known.pairs;
  const pairs = queryPairs(request.query, percentDecode);
  queryIndex.set(request, { decoded: percentDecode, pairs });
  return pairs;
}

function matchQuery(condition: ConditionModel, request: AlbRequest, options: RoutingOptions): Omit<ConditionTrace, 'range' | 'field'> {
  const pairs = requestPairs(request, options.percentDecode);
  const compiledPairs = compileQuery(condition);
  for (const expected of compiledPairs.pairs) {
    const hit = pairs.find((p) => (!expected.key || matchGlob(expected.key, p.key)) && matchGlob(expected.value, p.value));
    if (hit) return { verdict: 'matched', reason: `query pair ${hit.key}=${hit.value} matches ${expected.wanted}`, matchedRange: expected.range };
  }
  if (compiledPairs.unresolved) return { verdict: 'unknown', reason: 'the query-string values are not spelled out in this document' };
  const wanted = compiledPairs.wanted;
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
