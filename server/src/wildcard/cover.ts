import { wildcardMatcher, type MatchMeter, type WildcardMatcher } from './match';

/**
 * Pattern inclusion, read conservatively: `outer` covers `inner` when outer
 * matches inner's text, where inner's `*` can only be absorbed by a `*` of
 * outer and its `?` by a `?` or `*`. True means every string inner matches,
 * outer matches too.
 */
export function covers(outer: string, inner: string, caseInsensitive: boolean, meter?: MatchMeter): boolean {
  return coverMatcher(outer, caseInsensitive).matches(inner, meter);
}

const cache = new Map<string, WildcardMatcher>();

/** Compiled once per pattern: redundancy checks test one wildcard against many entries. */
function coverMatcher(outer: string, caseInsensitive: boolean): WildcardMatcher {
  const key = `${caseInsensitive ? 'i' : 's'}${outer}`;
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size > 10_000) cache.clear();
    matcher = wildcardMatcher(outer, { caseInsensitive, oneRejects: '*' });
    cache.set(key, matcher);
  }
  return matcher;
}
