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

/** True when every string `inner` matches is also matched by `outer` (a sufficient test: inner, taken as text, matches outer). */
export function covers(outer: string, inner: string, caseInsensitive: boolean): boolean {
  return wildcardRegExp(outer, caseInsensitive).test(inner);
}
