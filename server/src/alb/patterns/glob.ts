/**
 * ALB's match strings: `*` matches zero or more characters (also `/`), `?`
 * exactly one, everything else itself. Query-string values may escape a
 * literal `*` or `?` with `\`.
 */
export type GlobToken = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

export interface Glob {
  readonly source: string;
  readonly tokens: readonly GlobToken[];
  /** Compared without regard to ASCII case (hosts, headers, query strings). */
  readonly caseInsensitive: boolean;
}

export interface GlobOptions {
  readonly caseInsensitive: boolean;
  /** `\*` and `\?` stand for the literal characters (query-string conditions). */
  readonly escapes?: boolean;
}

/** Lower-cases ASCII letters only: AWS rules apply to visible ASCII, and this keeps every length unchanged. */
const upperCase = /[A-Z]/;
const upperCaseRuns = /[A-Z]+/g;

export function foldCase(text: string): string {
  return upperCase.test(text) ? text.replace(upperCaseRuns, (c) => c.toLowerCase()) : text;
}

export function parseGlob(pattern: string, options: GlobOptions): Glob {
  const tokens: GlobToken[] = [];
  const source = options.caseInsensitive ? foldCase(pattern) : pattern;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    const next = source.charAt(i + 1);
    if (options.escapes && c === '\\' && (next === '*' || next === '?')) {
      tokens.push({ kind: 'char', char: next });
      i++;
    } else if (c === '*') {
      // Consecutive stars match what one does; keeping one keeps the automata small.
      if (tokens.at(-1)?.kind !== 'any') tokens.push({ kind: 'any' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return { source: pattern, tokens, caseInsensitive: options.caseInsensitive };
}

/** The wildcards AWS counts against its limit of five per rule (escaped ones are literals). */
export function wildcardCount(pattern: string, escapes = false): number {
  let count = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (escapes && c === '\\' && (pattern.charAt(i + 1) === '*' || pattern.charAt(i + 1) === '?')) i++;
    else if (c === '*' || c === '?') count++;
  }
  return count;
}

/** Whole-string match, linear in practice: on a mismatch, only the last `*` is retried one character further. */
export function matchGlob(glob: Glob, subject: string): boolean {
  return matchFolded(glob, glob.caseInsensitive ? foldCase(subject) : subject);
}

/** `matchGlob` for a subject already passed through `foldCase` when the glob ignores case (fold once, match many). */
export function matchFolded(glob: Glob, text: string): boolean {
  const tokens = glob.tokens;
  let t = 0;
  let s = 0;
  let starToken = -1;
  let starText = 0;
  while (s < text.length) {
    const token = tokens[t];
    if (token && (token.kind === 'one' || (token.kind === 'char' && token.char === text.charAt(s)))) {
      t++;
      s++;
    } else if (token?.kind === 'any') {
      starToken = t++;
      starText = s;
    } else if (starToken >= 0) {
      t = starToken + 1;
      s = ++starText;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'any') t++;
  return t === tokens.length;
}
