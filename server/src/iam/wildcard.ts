import { wildcardMatcher, type WildcardMatcher } from '../wildcard/match';

export { covers } from '../wildcard/cover';

/*
 * IAM's wildcards: `*` matches any run of characters (including none), `?`
 * exactly one; everything else literally. Actions compare without case, ARNs
 * with it. Matching is the linear-time matcher's, never a backtracking RegExp.
 */

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * True when some string matches both patterns, where `*` in either matches any
 * run of characters and `?` any one (ARN templates' `${Var}` parts arrive here as `*`).
 */
export function intersects(a: string, b: string): boolean {
  // Most fields of a policy's ARNs are literal: then it is a match of the other pattern, no search and nothing cached per literal.
  const aLiteral = !hasWildcard(a);
  const bLiteral = !hasWildcard(b);
  if (aLiteral && bLiteral) return a === b;
  if (aLiteral) return matcher(b).matches(a);
  if (bLiteral) return matcher(a).matches(b);
  let byB = intersectCache.get(a);
  if (!byB) {
    if (intersectCache.size > 20_000) intersectCache.clear();
    byB = new Map();
    intersectCache.set(a, byB);
  }
  let result = byB.get(b);
  if (result === undefined) {
    result = computeIntersects(a, b);
    byB.set(b, result);
  }
  return result;
}

/** Results by first pattern, then second, for two wildcard patterns: resource-mismatch asks the same pairs for every action of a statement. */
const intersectCache = new Map<string, Map<string, boolean>>();

const matchers = new Map<string, WildcardMatcher>();

/** A case-sensitive matcher for a pattern: ARN templates' fields are few, so this stays small. */
function matcher(pattern: string): WildcardMatcher {
  let compiled = matchers.get(pattern);
  if (!compiled) {
    if (matchers.size > 10_000) matchers.clear();
    compiled = wildcardMatcher(pattern);
    matchers.set(pattern, compiled);
  }
  return compiled;
}

function computeIntersects(a: string, b: string): boolean {
  const width = b.length + 1;
  const seen = new Uint8Array((a.length + 1) * width);
  const stack: number[] = [0];
  while (stack.length) {
    const state = stack.pop() ?? 0;
    if (seen[state]) continue;
    seen[state] = 1;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === a.length && j === b.length) return true;
    const ca = a[i];
    const cb = b[j];
    if (ca === '*') stack.push(state + width);
    if (cb === '*') stack.push(state + 1);
    if (ca === undefined || cb === undefined) continue;
    // One character of the common string, consumed by each side (a star may also stay and consume more).
    if (ca === '*' || cb === '*' || ca === '?' || cb === '?' || ca === cb) stack.push(state + (ca === '*' ? 0 : width) + (cb === '*' ? 0 : 1));
  }
  return false;
}
