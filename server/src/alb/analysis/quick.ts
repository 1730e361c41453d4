import { literalsConflict } from '../patterns/automaton';
import type { Glob } from '../patterns/glob';
import type { PatternConstraint, RuleSpace } from './space';

/**
 * Cheap answers that settle most pairs of rules before the automata are
 * built: the analysis compares every rule with every earlier one, and in a
 * listener of a thousand rules nearly all pairs differ in a literal prefix,
 * a method or a header name. Each answer here is exact where it answers.
 */

/** A path glob that starts with "/" matches some request path; other globs may match none. */
const meetsPaths = (glob: Glob) => {
  const first = glob.tokens[0];
  return first?.kind === 'char' && first.char === '/';
};

/** Some glob of `inner` matches strings and none of them is in `outer`: their fixed ends differ. */
function globEscapes(inner: PatternConstraint, outer: PatternConstraint, nonEmpty: (g: Glob) => boolean): boolean {
  if (inner.kind !== 'globs' || outer.kind !== 'globs') return false;
  return inner.globs.some((g) => nonEmpty(g) && outer.globs.every((o) => literalsConflict(g, o)));
}

/** No string is in both: every pair of globs differs in a fixed end. */
function globsDisjoint(a: PatternConstraint, b: PatternConstraint): boolean {
  return a.kind === 'globs' && b.kind === 'globs' && a.globs.every((x) => b.globs.every((y) => literalsConflict(x, y)));
}

/** True when `inner` is certainly not within `outer` (some request of `inner` escapes). */
export function surelyNotWithin(inner: RuleSpace, outer: RuleSpace): boolean {
  if (outer.method.kind === 'set' && (inner.method.kind !== 'set' || [...inner.method.methods].some((m) => !(outer.method as { methods: ReadonlySet<string> }).methods.has(m)))) return true;
  if (outer.headers.some((h) => !inner.headers.some((k) => k.name === h.name && k.values.kind !== 'any'))) return true;
  if (outer.queries.length > 0 && inner.queries.length === 0) return true;
  return globEscapes(inner.host, outer.host, () => true) || globEscapes(inner.path, outer.path, meetsPaths);
}

/** True when no request is in both spaces, by their hosts, paths or methods. */
export function surelyDisjoint(a: RuleSpace, b: RuleSpace): boolean {
  if (a.method.kind === 'set' && b.method.kind === 'set' && ![...a.method.methods].some((m) => (b.method as { methods: ReadonlySet<string> }).methods.has(m))) return true;
  return globsDisjoint(a.host, b.host) || globsDisjoint(a.path, b.path);
}
