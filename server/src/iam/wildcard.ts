/**
 * IAM's own wildcard matching: `*` matches any run of characters (including
 * none), `?` exactly one; everything else literally. Used for actions
 * (case-insensitive) and for ARNs (case-sensitive).
 */
export function wildcardRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '^';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`${source}$`, caseInsensitive ? 'is' : 's');
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * True when every string the pattern `inner` matches is also matched by
 * `outer`: inner is read as text, where its `*` can only be absorbed by a `*`
 * of outer and its `?` by a `?` or `*`.
 */
export function covers(outer: string, inner: string, caseInsensitive: boolean): boolean {
  return coverRegExp(outer, caseInsensitive).test(inner);
}

const coverCache = new Map<string, RegExp>();

/** The regular expression `covers` tests with, cached: redundancy checks compare every pair of a long list. */
function coverRegExp(outer: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}${outer}`;
  const cached = coverCache.get(cacheKey);
  if (cached) return cached;
  if (coverCache.size > 10_000) coverCache.clear();
  let source = '^';
  for (const char of outer) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '[^*]';
    else source += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  const regExp = new RegExp(`${source}$`, caseInsensitive ? 'is' : 's');
  coverCache.set(cacheKey, regExp);
  return regExp;
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
  if (aLiteral) return matcher(b).test(a);
  if (bLiteral) return matcher(a).test(b);
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

const matchers = new Map<string, RegExp>();

/** A case-sensitive matcher for a pattern: ARN templates' fields are few, so this stays small. */
function matcher(pattern: string): RegExp {
  let regExp = matchers.get(pattern);
  if (!regExp) {
    if (matchers.size > 10_000) matchers.clear();
    regExp = wildcardRegExp(pattern, false);
    matchers.set(pattern, regExp);
  }
  return regExp;
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
