import { escapesFrom, literalsConflict, type GlobUnion } from '../patterns/automaton';
import { everyAddress, firstUncovered, type Cidr } from '../../network/ip';
import { parseGlob, type Glob } from '../patterns/glob';
import { surelyNotWithin } from './quick';
import type { HeaderConstraint, MethodConstraint, PatternConstraint, QueryConstraint, RuleSpace, SourceConstraint } from './space';

/**
 * Whether every request in one rule's space is also in another's, decided
 * dimension by dimension (the dimensions of a request are independent, and
 * a rule is the AND of its conditions). `holds` is only ever claimed with a
 * proof: a line per condition of the including rule saying why it holds.
 */
export type Inclusion = { readonly holds: true; readonly proof: readonly string[] } | { readonly holds: false };

/** Request paths start with "/": patterns are compared within that domain. */
export const pathDomain: GlobUnion = [parseGlob('/*', { caseInsensitive: false })];
const no: Inclusion = { holds: false };

/** Is every string of `inner` (any string when unconstrained) in `outer`? */
export function patternWithin(inner: PatternConstraint, outer: PatternConstraint, domain: GlobUnion = []): boolean {
  if (outer.kind === 'any') return true;
  if (outer.kind === 'opaque') return inner.kind === 'opaque' && inner.text !== undefined && inner.text === outer.text;
  if (inner.kind === 'opaque') return false;
  const sub: readonly Glob[] = inner.kind === 'any' ? [] : inner.globs;
  return escapesFrom(sub, outer.globs, domain).kind === 'none';
}

export function methodWithin(inner: MethodConstraint, outer: MethodConstraint): boolean {
  if (outer.kind === 'any') return true;
  if (outer.kind === 'opaque' || inner.kind !== 'set') return false;
  return [...inner.methods].every((m) => outer.methods.has(m));
}

const everywhere: readonly Cidr[] = [everyAddress(4), everyAddress(6)];

export function sourceWithin(inner: SourceConstraint, outer: SourceConstraint): boolean {
  if (outer.kind === 'any') return true;
  if (outer.kind === 'opaque' || inner.kind === 'opaque') return false;
  return firstUncovered(inner.kind === 'any' ? everywhere : inner.cidrs, outer.cidrs) === undefined;
}

/** A header condition of the inner rule on the same header whose values all satisfy the outer one. */
function headerWithin(inner: readonly HeaderConstraint[], outer: HeaderConstraint): HeaderConstraint | undefined {
  return inner.find((h) => h.name === outer.name && h.values.kind !== 'any' && patternWithin(h.values, outer.values));
}

/**
 * A query condition of the inner rule each of whose pairs lies within one
 * pair of the outer condition: then every request meeting it meets the
 * outer one. (Sufficient, not necessary: a pair covered only by several
 * outer pairs together is not recognised, so nothing is claimed then.)
 */
function queryWithin(inner: readonly QueryConstraint[], outer: QueryConstraint): QueryConstraint | undefined {
  const pairWithin = (i: QueryConstraint['pairs'][number], o: QueryConstraint['pairs'][number]) =>
    !(i.key && o.key && literalsConflict(i.key, o.key)) &&
    !literalsConflict(i.value, o.value) &&
    (o.key === undefined || (i.key !== undefined ? escapesFrom([i.key], [o.key]) : escapesFrom([], [o.key])).kind === 'none') &&
    escapesFrom([i.value], [o.value]).kind === 'none';
  return inner.find((q) => q.pairs.every((i) => outer.pairs.some((o) => pairWithin(i, o))));
}

/** Is every request that `inner` matches also matched by `outer`? */
export function spaceWithin(inner: RuleSpace, outer: RuleSpace): Inclusion {
  if (surelyNotWithin(inner, outer)) return no;
  const proof: string[] = [];
  const pattern = (name: string, i: PatternConstraint, o: PatternConstraint, domain: GlobUnion = []) => {
    if (o.kind === 'any') return true;
    if (!patternWithin(i, o, domain)) return false;
    const outerText = o.kind === 'globs' ? o.text : 'a regex';
    proof.push(i.kind === 'any' ? `${name} ${outerText} matches every ${name === 'path-pattern' ? 'path' : 'host'}` : `${name} ${i.kind === 'globs' ? i.text : 'the same regex'} is within ${outerText}`);
    return true;
  };
  if (!pattern('host-header', inner.host, outer.host)) return no;
  if (!pattern('path-pattern', inner.path, outer.path, pathDomain)) return no;
  if (outer.method.kind !== 'any') {
    if (!methodWithin(inner.method, outer.method)) return no;
    proof.push(`http-request-method ${[...(inner.method.kind === 'set' ? inner.method.methods : [])].join(', ')} is among ${[...(outer.method.kind === 'set' ? outer.method.methods : [])].join(', ')}`);
  }
  if (outer.source.kind !== 'any') {
    if (!sourceWithin(inner.source, outer.source)) return no;
    proof.push(`source-ip ${inner.source.kind === 'cidrs' ? inner.source.text : 'any address'} is within ${outer.source.kind === 'cidrs' ? outer.source.text : ''}`);
  }
  for (const header of outer.headers) {
    const within = headerWithin(inner.headers, header);
    if (!within) return no;
    proof.push(`http-header ${header.name} ${describe(within.values)} is within ${describe(header.values)}`);
  }
  for (const query of outer.queries) {
    const within = queryWithin(inner.queries, query);
    if (!within) return no;
    proof.push(`query-string ${within.text} is within ${query.text}`);
  }
  if (proof.length === 0) proof.push('it has no conditions, so it matches every request');
  return { holds: true, proof };
}

function describe(constraint: PatternConstraint): string {
  return constraint.kind === 'globs' ? constraint.text : constraint.kind === 'any' ? 'any value' : 'a regex';
}
