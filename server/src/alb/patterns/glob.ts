import { WildcardMatcher, type WildcardPart } from '../../wildcard/match';

/**
 * ALB's match strings: `*` matches zero or more characters (also `/`), `?`
 * exactly one, everything else itself. Query-string values may escape a
 * literal `*` or `?` with `\`.
 */
export type GlobToken = WildcardPart;

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

/** Whole-string match, in time linear in the subject (the shared wildcard matcher). */
export function matchGlob(glob: Glob, subject: string): boolean {
  return matchFolded(glob, glob.caseInsensitive ? foldCase(subject) : subject);
}

/** `matchGlob` for a subject already passed through `foldCase` when the glob ignores case (fold once, match many). */
export function matchFolded(glob: Glob, text: string): boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    // The tokens are folded already, and so is the text: compared as they are.
    matcher = new WildcardMatcher(glob.tokens);
    matchers.set(glob, matcher);
  }
  return matcher.matches(text);
}

/** Compiled once per glob, dropped with it. */
const matchers = new WeakMap<Glob, WildcardMatcher>();
