import type { TextRange } from '../../language/finding';
import type { Located } from '../model/types';
import { matchFolded } from '../patterns/glob';
import type { CompiledCondition, CompiledValues } from './compiled-condition';
import { conditionHit, miss, unknown } from './match';
import type { HeaderValues, PreparedRequest } from './prepared';

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

const quotable = /["\\]/g;
const quote = (s: string) => (s.includes('"') || s.includes('\\') ? `"${s.replace(quotable, '\\$&')}"` : `"${s}"`);
const list = (items: readonly Located<string>[]) => items.map((i) => (i.value === undefined ? '(expression)' : quote(i.value))).join(', ');

/**
 * Explains a condition's answer. The answer itself comes from the fast
 * path's `conditionHit`, so the trace and the fast path always agree.
 */
export function explainCondition(condition: CompiledCondition, request: PreparedRequest): ConditionTrace {
  const hit = conditionHit(condition, request);
  const range = condition.model.range;
  const field = condition.field;
  // Plain literals of two fixed shapes: a trace holds one per condition per rule, so spreading here was the trace's main cost.
  const said = (verdict: Verdict, reason: string, matchedRange?: TextRange): ConditionTrace =>
    matchedRange ? { range, field, verdict, reason, matchedRange } : { range, field, verdict, reason };
  switch (condition.kind) {
    case 'host-header':
      return explainValues(said, hit, condition.values, request.hostValues, 'host');
    case 'path-pattern':
      return explainValues(said, hit, condition.values, { sent: request.pathValues, folded: request.pathValues }, 'path');
    case 'http-header': {
      const name = condition.model.headerName?.value ?? condition.name;
      const values = request.headers.get(condition.name);
      // "If the same header appears multiple times in the request, we search them in order until a match is found."
      if (!values) return said('not-matched', `the request has no ${name} header`);
      return explainValues(said, hit, condition.values, values, `header ${name}`);
    }
    case 'http-request-method': {
      const method = request.method;
      if (hit >= 0) return said('matched', `method ${method} is ${quote(method)}`, condition.model.values[hit]?.range);
      if (hit === unknown) return said('unknown', 'the methods are CloudFormation expressions');
      return said('not-matched', `method ${method} is none of ${list(condition.model.values)} (methods are case-sensitive)`);
    }
    case 'query-string': {
      const expected = condition.pairs[hit];
      if (expected) {
        const pair = request.pairs.find((p) => (!expected.key || matchFolded(expected.key, p.foldedKey)) && matchFolded(expected.value, p.foldedValue));
        return said('matched', `query pair ${pair?.key ?? ''}=${pair?.value ?? ''} matches ${wanted(expected.key?.source, expected.value.source)}`, expected.item.range);
      }
      if (hit === unknown) return said('unknown', 'the query-string values are not spelled out in this document');
      const all = condition.model.queryPairs.map((p) => `${p.key?.value ?? '*'}=${p.value?.value ?? ''}`).join(', ');
      return said('not-matched', request.pairs.length ? `no query pair matches ${all}` : `the request has no query string (wanted ${all})`);
    }
    case 'source-ip': {
      const source = request.request.sourceIp ?? '';
      const block = condition.blocks[hit];
      if (block) return said('matched', `source ${source} is in ${block.item.value ?? ''}`, block.item.range);
      if (!request.source) return said('not-matched', 'the request has no source IP (give one to test source-ip conditions)');
      if (hit === unknown) return said('unknown', 'some source-ip values are not CIDR blocks this document spells out');
      return said('not-matched', `source ${source} is in none of ${list(condition.model.values)}`);
    }
    case 'invalid':
      return said('unknown', condition.reason);
    default: {
      const unhandled: never = condition;
      throw new Error(`unhandled condition ${JSON.stringify(unhandled)}`);
    }
  }
}

const wanted = (key: string | undefined, value: string) => (key === undefined ? `any key = ${quote(value)}` : `${quote(key)} = ${quote(value)}`);

function explainValues(
  said: (verdict: Verdict, reason: string, matchedRange?: TextRange) => ConditionTrace,
  hit: number,
  values: CompiledValues,
  subjects: HeaderValues,
  what: string,
): ConditionTrace {
  const item = values.items[hit];
  if (item) {
    const glob = values.globs[hit];
    const regex = values.regexes[hit - values.globs.length];
    const s = glob ? subjects.folded.findIndex((f) => matchFolded(glob, f)) : subjects.sent.findIndex((t) => regex?.test(t) === true);
    const subject = quote(subjects.sent[s] ?? '');
    return said('matched', glob ? `${what} ${subject} matches ${quote(glob.source)}` : `${what} ${subject} matches the regex ${quote(item.value ?? '')}`, item.range);
  }
  if (hit === unknown) return said('unknown', `${what} is compared with values this document does not spell out (CloudFormation expressions or regexes the simulator cannot run)`);
  if (hit !== miss) throw new Error(`no value ${hit}`);
  const shown = subjects.sent.length === 1 ? quote(subjects.sent[0] ?? '') : subjects.sent.map(quote).join(' / ');
  return said('not-matched', `${what} ${shown} matches none of ${writtenList(values)}`);
}

const written = new WeakMap<CompiledValues, string>();

/** The values as written, quoted: the same text for every request, so made once. */
function writtenList(values: CompiledValues): string {
  let text = written.get(values);
  if (text === undefined) {
    text = list(values.items);
    written.set(values, text);
  }
  return text;
}
