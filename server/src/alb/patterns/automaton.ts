import { matchGlob, type Glob } from './glob';

/**
 * Decides questions about the languages of ALB match strings exactly, by a
 * breadth-first search over the product of their automata:
 * - is every string matched by these patterns also matched by those?
 *   (a rule shadows another), with a shortest counterexample when not;
 * - is there a string matched by all of these pattern sets?
 *   (two rules overlap), with a shortest example when there is.
 *
 * A glob of n tokens is an automaton with states 0..n (n accepts); a set of
 * states per glob is one product state. Only the characters written in the
 * patterns, plus one character written in none, need to be tried: every
 * other character behaves like that one.
 */

/** A union of globs: a string is in it when one of them matches. Empty means "any string". */
export type GlobUnion = readonly Glob[];

export type SearchResult =
  | { readonly kind: 'found'; readonly example: string }
  | { readonly kind: 'none' }
  /** The search gave up at its state limit; nothing is claimed either way. */
  | { readonly kind: 'undecided' };

/** Product states explored before giving up; patterns are at most 128 characters, so this is rarely reached. */
const stateLimit = 50_000;

/** Characters tried as "a character no pattern names", in order of preference (readable in a witness). */
const spareCharacters = 'xyzqjk0123456789abcdefghilmnoprstuvw-_~.';

type Positions = readonly number[];

function closure(glob: Glob, positions: Iterable<number>): number[] {
  const out = new Set<number>();
  for (let p of positions) {
    out.add(p);
    while (glob.tokens[p]?.kind === 'any') out.add(++p);
  }
  return [...out].sort((a, b) => a - b);
}

function step(glob: Glob, positions: Positions, c: string): number[] {
  const next: number[] = [];
  for (const p of positions) {
    const token = glob.tokens[p];
    if (!token) continue;
    if (token.kind === 'any') next.push(p);
    else if (token.kind === 'one' || token.char === c) next.push(p + 1);
  }
  return next.length ? closure(glob, next) : next;
}

function accepts(glob: Glob, positions: Positions): boolean {
  return positions.includes(glob.tokens.length);
}

function alphabet(unions: readonly GlobUnion[]): string[] {
  const named = new Set<string>();
  for (const union of unions) {
    for (const glob of union) for (const token of glob.tokens) if (token.kind === 'char') named.add(token.char);
  }
  let spare = [...spareCharacters].find((c) => !named.has(c));
  for (let code = 33; spare === undefined && code < 0x3000; code++) {
    const c = String.fromCharCode(code);
    if (!named.has(c)) spare = c;
  }
  return [...named, ...(spare === undefined ? [] : [spare])];
}

/**
 * Searches for the shortest string whose membership in each union satisfies `goal`.
 * `goal` receives, per union, whether the string is in it.
 */
export function searchUnions(unions: readonly GlobUnion[], goal: (inUnion: readonly boolean[]) => boolean): SearchResult {
  const letters = alphabet(unions);
  const start = unions.map((union) => union.map((glob) => closure(glob, [0])));
  const membership = (state: Positions[][]) =>
    state.map((perGlob, u) => (unions[u]?.length ?? 0) === 0 || perGlob.some((positions, g) => accepts(unions[u]?.[g] as Glob, positions)));
  const keyOf = (state: Positions[][]) => state.map((perGlob) => perGlob.map((p) => p.join(',')).join('|')).join('/');

  const parents = new Map<string, { parent: string | undefined; char: string }>();
  const startKey = keyOf(start);
  parents.set(startKey, { parent: undefined, char: '' });
  const queue: Array<{ key: string; state: Positions[][] }> = [{ key: startKey, state: start }];
  for (let head = 0; head < queue.length; head++) {
    const { key, state } = queue[head] as { key: string; state: Positions[][] };
    if (goal(membership(state))) return { kind: 'found', example: spell(parents, key) };
    if (parents.size > stateLimit) return { kind: 'undecided' };
    for (const c of letters) {
      const next = state.map((perGlob, u) => perGlob.map((positions, g) => step(unions[u]?.[g] as Glob, positions, c)));
      const nextKey = keyOf(next);
      if (parents.has(nextKey)) continue;
      parents.set(nextKey, { parent: key, char: c });
      queue.push({ key: nextKey, state: next });
    }
  }
  return { kind: 'none' };
}

function spell(parents: Map<string, { parent: string | undefined; char: string }>, key: string): string {
  const chars: string[] = [];
  for (let at: string | undefined = key; at !== undefined; ) {
    const entry = parents.get(at);
    if (!entry) break;
    chars.push(entry.char);
    at = entry.parent;
  }
  return chars.reverse().join('');
}

/**
 * Is every string of `sub` (within `domain`, e.g. paths start with "/") in `sup`?
 * `found` carries a string that escapes: in `sub` and `domain`, not in `sup`.
 */
export function escapesFrom(sub: GlobUnion, sup: GlobUnion, domain: GlobUnion = []): SearchResult {
  if (sup.length === 0) return { kind: 'none' };
  // Each glob of `sub` written the same as one of `sup`: included, no search needed (rules often repeat a value).
  if (sub.length > 0 && sub.every((g) => sup.some((h) => sameTokens(g, h)))) return { kind: 'none' };
  // Fast path: a few strings of `sub` tried directly; one that escapes settles it.
  const inUnion = (union: GlobUnion, s: string) => union.length === 0 || union.some((g) => matchGlob(g, s));
  for (const sample of sub.length === 0 ? anyStrings : sub.flatMap(samples)) {
    if (inUnion(domain, sample) && !inUnion(sup, sample)) return { kind: 'found', example: sample };
  }
  return searchUnions([sub, domain, sup], ([inSub, inDomain, inSup]) => inSub === true && inDomain === true && inSup === false);
}

/** A string in every one of the unions, if there is one. */
export function commonString(unions: readonly GlobUnion[]): SearchResult {
  // Fast path: two unions whose globs pairwise start or end with different literal text share no string.
  for (let i = 0; i < unions.length; i++) {
    for (let j = i + 1; j < unions.length; j++) {
      const a = unions[i] ?? [];
      const b = unions[j] ?? [];
      if (a.length > 0 && b.length > 0 && a.every((x) => b.every((y) => literalsConflict(x, y)))) return { kind: 'none' };
    }
  }
  // Fast path: a glob's own shortest readable string, tried against the others, often settles it without a search.
  const inAll = (sample: string) => unions.every((union) => union.length === 0 || union.some((g) => matchGlob(g, sample)));
  for (const union of unions) {
    for (const glob of union) {
      const [readable] = samples(glob);
      if (readable !== undefined && inAll(readable)) return { kind: 'found', example: readable };
    }
  }
  return searchUnions(unions, (inUnion) => inUnion.every(Boolean));
}

function sameTokens(a: Glob, b: Glob): boolean {
  if (a.tokens.length !== b.tokens.length) return false;
  return a.tokens.every((t, i) => {
    const u = b.tokens[i];
    return u !== undefined && t.kind === u.kind && (t.kind !== 'char' || (u.kind === 'char' && t.char === u.char));
  });
}

/** Strings to try first when `sub` is every string: most unions that do not hold everything miss one of these. */
const anyStrings: readonly string[] = ['', 'x', '/', '/x', '\u0001', '/\u0001'];

/** Strings a glob matches: wildcards as short as possible, then with a character no pattern is likely to name. */
function samples(glob: Glob): string[] {
  const spell = (any: string, one: string) => glob.tokens.map((t) => (t.kind === 'char' ? t.char : t.kind === 'any' ? any : one)).join('');
  return [spell('', 'x'), spell('\u0001', '\u0001')];
}

const ends = new WeakMap<Glob, { prefix: string; suffix: string }>();

/** The literal characters before the first wildcard, and after the last (kept per glob: the analysis asks for every pair of rules). */
function literalEnds(glob: Glob): { prefix: string; suffix: string } {
  let known = ends.get(glob);
  if (!known) {
    known = computeEnds(glob);
    ends.set(glob, known);
  }
  return known;
}

function computeEnds(glob: Glob): { prefix: string; suffix: string } {
  const tokens = glob.tokens;
  let start = 0;
  while (start < tokens.length && tokens[start]?.kind === 'char') start++;
  let end = tokens.length;
  while (end > start && tokens[end - 1]?.kind === 'char') end--;
  const text = (from: number, to: number) => tokens.slice(from, to).map((t) => (t.kind === 'char' ? t.char : '')).join('');
  return { prefix: text(0, start), suffix: start === tokens.length ? '' : text(end, tokens.length) };
}

/** Whether no string can match both: their literal beginnings (or endings) differ where both are fixed. */
export function literalsConflict(a: Glob, b: Glob): boolean {
  const x = literalEnds(a);
  const y = literalEnds(b);
  const n = Math.min(x.prefix.length, y.prefix.length);
  if (x.prefix.slice(0, n) !== y.prefix.slice(0, n)) return true;
  const m = Math.min(x.suffix.length, y.suffix.length);
  return m > 0 && x.suffix.slice(-m) !== y.suffix.slice(-m);
}
