import { matchFolded } from '../patterns/glob';
import type { CompiledListener } from './compile';
import type { CompiledCondition, CompiledValues } from './compiled-condition';
import type { PreparedRequest } from './prepared';
import { candidates } from './rule-index';

/**
 * A condition's answer without words: the index of the value that matched
 * (into `values.items`, `pairs` or `blocks`), or one of these. The traced
 * path explains the same answer; it never decides on its own.
 */
export const miss = -1;
export const unknown = -2;

/** The first value (in the order written) that matches one of the subjects: exact values by lookup, wildcards after a prefix and suffix test. */
function matchValues(values: CompiledValues, folded: readonly string[], sent: readonly string[]): number {
  const { exact, wildcards, regexes, globs } = values;
  let best = miss;
  if (exact.size > 0) {
    for (let s = 0; s < folded.length; s++) {
      const index = exact.get(folded[s] as string);
      if (index !== undefined && (best === miss || index < best)) best = index;
    }
  }
  for (let w = 0; w < wildcards.length; w++) {
    const { glob, prefix, suffix, index } = wildcards[w] as CompiledValues['wildcards'][number];
    if (best !== miss && index > best) break;
    for (let s = 0; s < folded.length; s++) {
      const text = folded[s] as string;
      if (text.startsWith(prefix) && text.endsWith(suffix) && matchFolded(glob, text)) {
        best = index;
        break;
      }
    }
  }
  if (best !== miss) return best;
  for (let r = 0; r < regexes.length; r++) {
    const regex = regexes[r] as RegExp;
    for (let s = 0; s < sent.length; s++) if (regex.test(sent[s] as string)) return globs.length + r;
  }
  return values.unresolved ? unknown : miss;
}

export function conditionHit(condition: CompiledCondition, request: PreparedRequest): number {
  switch (condition.kind) {
    case 'host-header':
      return matchValues(condition.values, request.hostValues.folded, request.hostValues.sent);
    case 'path-pattern':
      return matchValues(condition.values, request.pathValues, request.pathValues);
    case 'http-header': {
      const values = request.headers.get(condition.name);
      return values ? matchValues(condition.values, values.folded, values.sent) : miss;
    }
    case 'http-request-method': {
      if (condition.methods.has(request.method)) return condition.model.values.findIndex((v) => v.value === request.method);
      return condition.unresolved ? unknown : miss;
    }
    case 'query-string': {
      const { pairs } = condition;
      for (let p = 0; p < pairs.length; p++) {
        const expected = pairs[p] as (typeof pairs)[number];
        for (const pair of request.pairs) {
          if ((!expected.key || matchFolded(expected.key, pair.foldedKey)) && matchFolded(expected.value, pair.foldedValue)) return p;
        }
      }
      return condition.unresolved ? unknown : miss;
    }
    case 'source-ip': {
      const ip = request.source;
      if (!ip) return miss;
      const { blocks } = condition;
      for (let b = 0; b < blocks.length; b++) {
        const block = blocks[b] as (typeof blocks)[number];
        if (block.family === 4 ? ip.family === 4 && block.start <= ip.value && ip.value <= block.end : ip.family === 6 && block.start <= ip.value && ip.value <= block.end) return b;
      }
      return condition.unresolved ? unknown : miss;
    }
    case 'invalid':
      return unknown;
    default: {
      const unhandled: never = condition;
      throw new Error(`unhandled condition ${JSON.stringify(unhandled)}`);
    }
  }
}

/** A rule's verdict from its conditions: one miss fails it; else one unknown leaves it unknown. */
export type RuleAnswer = 'matched' | 'not-matched' | 'unknown';

export function ruleAnswer(conditions: readonly CompiledCondition[], request: PreparedRequest): RuleAnswer {
  let answer: RuleAnswer = 'matched';
  for (const condition of conditions) {
    const hit = conditionHit(condition, request);
    if (hit === miss) return 'not-matched';
    if (hit === unknown) answer = 'unknown';
  }
  return answer;
}

/** The fast path: the index (in evaluation order) of the first rule that matches; rules that cannot be evaluated are passed over. */
export function firstMatch(listener: CompiledListener, request: PreparedRequest): number | undefined {
  const rules = listener.rules;
  const tried = candidates(listener.index, request);
  for (let c = 0; c < tried.length; c++) {
    const i = tried[c] as number;
    if (ruleAnswer((rules[i] as (typeof rules)[number]).conditions, request) === 'matched') return i;
  }
  return undefined;
}
