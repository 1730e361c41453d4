import type { TextRange } from '../../language/finding';
import { evaluationOrder, finalActionTypes, type ListenerModel, type RuleModel } from '../model/types';
import { commonString, escapesFrom } from '../patterns/automaton';
import { firstUncovered } from '../../network/ip';
import { defaultRoutingOptions } from '../routing/options';
import { parseRequest, requestLine, type AlbRequest, type RequestInput } from '../routing/request';
import { ruleVerdict } from '../routing/route';
import { pathDomain, spaceWithin } from './inclusion';
import { surelyDisjoint } from './quick';
import { type RuleSpace, spaceOf } from './space';
import { witnessRequest } from './witness';

/** What the analysis of a listener's rules found, each finding with its evidence. */
export type RuleFinding =
  /** No request can match the rule at all. */
  | { readonly kind: 'never-matches'; readonly rule: RuleModel; readonly reason: string }
  /** Every request the rule matches is taken by earlier rules; `proof` says why, per condition. */
  | { readonly kind: 'shadowed'; readonly rule: RuleModel; readonly by: readonly RuleModel[]; readonly proof: readonly string[]; readonly example?: RequestInput }
  /** Some requests match both rules and go to the earlier one; `example` is one, checked with the routing engine. */
  | { readonly kind: 'overlap'; readonly rule: RuleModel; readonly earlier: RuleModel; readonly example: string };

const cache = new WeakMap<ListenerModel, readonly RuleFinding[]>();

/** Shadowed, unreachable and overlapping rules of one listener (the default rule included). */
export function analyzeListener(listener: ListenerModel): readonly RuleFinding[] {
  let findings = cache.get(listener);
  if (!findings) {
    findings = analyze(listener);
    cache.set(listener, findings);
  }
  return findings;
}

interface Entry {
  readonly rule: RuleModel;
  readonly space: RuleSpace | undefined;
}

function analyze(listener: ListenerModel): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const entries: Entry[] = evaluationOrder(listener).map((rule) => ({ rule, space: rule.isDefault ? everything : spaceOf(rule) }));
  const scheme = listener.protocol?.value === 'HTTP' ? 'http' : 'https';
  for (const [i, { rule, space }] of entries.entries()) {
    if (!space) continue;
    const earlier = entries.slice(0, i).filter((e): e is { rule: RuleModel; space: RuleSpace } => e.space !== undefined && !e.rule.isDefault);
    const never = neverMatches(space);
    if (never) {
      findings.push({ kind: 'never-matches', rule, reason: never });
      continue;
    }
    const shadow = shadowedBy(space, earlier, listener, scheme);
    if (shadow) {
      findings.push({ kind: 'shadowed', rule, ...shadow });
      continue;
    }
    if (rule.isDefault) continue;
    const overlap = firstOverlap(rule, space, earlier, listener, scheme);
    if (overlap) findings.push({ kind: 'overlap', rule, ...overlap });
  }
  return findings;
}

/** The default rule's space: every request. */
const everything: RuleSpace = { host: { kind: 'any' }, path: { kind: 'any' }, method: { kind: 'any' }, source: { kind: 'any' }, headers: [], queries: [] };

function neverMatches(space: RuleSpace): string | undefined {
  // A glob written from "/" matches some path; only the others need the search.
  if (space.path.kind === 'globs' && !space.path.globs.some((g) => g.tokens[0]?.kind === 'char' && g.tokens[0].char === '/') && commonString([space.path.globs, pathDomain]).kind === 'none') {
    return `no request path matches ${space.path.text}: request paths start with "/"`;
  }
  return undefined;
}

function shadowedBy(space: RuleSpace, earlier: ReadonlyArray<{ rule: RuleModel; space: RuleSpace }>, listener: ListenerModel, scheme: 'http' | 'https') {
  for (const candidate of earlier) {
    const inclusion = spaceWithin(space, candidate.space);
    const check = inclusion.holds ? confirmed(space, [candidate.rule], listener, scheme) : undefined;
    if (inclusion.holds && check) return { by: [candidate.rule], proof: inclusion.proof, ...check };
  }
  return unionShadow(space, earlier, listener, scheme);
}

const dimensions = ['host', 'path', 'method', 'source'] as const;
type Dimension = (typeof dimensions)[number];
const openedSpaces = new WeakMap<RuleSpace, Map<Dimension, RuleSpace>>();

/** The space with one dimension left open, made once per rule (every later rule asks for it). */
function opened(space: RuleSpace, dimension: Dimension): RuleSpace {
  let byDimension = openedSpaces.get(space);
  if (!byDimension) {
    byDimension = new Map();
    openedSpaces.set(space, byDimension);
  }
  let open = byDimension.get(dimension);
  if (!open) {
    open = { ...space, [dimension]: { kind: 'any' } };
    byDimension.set(dimension, open);
  }
  return open;
}

/**
 * Several earlier rules that each agree with this one on every dimension
 * but one, and together cover that one (e.g. /a/* and /b/* before [/a/*, /b/*]).
 */
function unionShadow(space: RuleSpace, earlier: ReadonlyArray<{ rule: RuleModel; space: RuleSpace }>, listener: ListenerModel, scheme: 'http' | 'https') {
  for (const dimension of dimensions) {
    const open = opened(space, dimension);
    const group = earlier.filter((e) => e.space[dimension].kind !== 'any' && spaceWithin(open, opened(e.space, dimension)).holds);
    if (group.length < 2) continue;
    const covered = coversDimension(space, group.map((g) => g.space), dimension);
    const check = covered ? confirmed(space, group.map((g) => g.rule), listener, scheme) : undefined;
    if (check) {
      return { ...check, by: group.map((g) => g.rule), proof: [`together their ${dimension === 'source' ? 'source-ip' : dimension === 'method' ? 'http-request-method' : `${dimension === 'host' ? 'host-header' : 'path-pattern'}`} values cover this rule's, and they agree with it on everything else`] };
    }
  }
  return undefined;
}

function coversDimension(space: RuleSpace, group: readonly RuleSpace[], dimension: 'host' | 'path' | 'method' | 'source'): boolean {
  if (dimension === 'method') {
    if (space.method.kind !== 'set') return false;
    const union = new Set(group.flatMap((g) => (g.method.kind === 'set' ? [...g.method.methods] : [])));
    return [...space.method.methods].every((m) => union.has(m));
  }
  if (dimension === 'source') {
    if (space.source.kind !== 'cidrs') return false;
    return firstUncovered(space.source.cidrs, group.flatMap((g) => (g.source.kind === 'cidrs' ? g.source.cidrs : []))) === undefined;
  }
  const inner = space[dimension];
  if (inner.kind === 'opaque') return false;
  const union = group.flatMap((g) => {
    const c = g[dimension];
    return c.kind === 'globs' ? c.globs : [];
  });
  return union.length > 0 && escapesFrom(inner.kind === 'any' ? [] : inner.globs, union, dimension === 'path' ? pathDomain : []).kind === 'none';
}

/** A request as the routing engine takes it, when the input is one. */
function requestOf(input: RequestInput): AlbRequest | undefined {
  const parsed = parseRequest(input);
  return 'request' in parsed ? parsed.request : undefined;
}

/** Whether the routing engine, with the options the analysis assumes (patterns compared with what is sent), has the rule match. */
function matchedBy(listener: ListenerModel, request: AlbRequest, rule: RuleModel): boolean {
  return ruleVerdict(listener, rule, request, defaultRoutingOptions) === 'matched';
}

/**
 * A guard on the proof: when a request inside the rule can be written down,
 * the routing engine must agree that an earlier rule takes it too; that
 * request is then the finding's example. Undefined when the engine disagrees.
 */
function confirmed(space: RuleSpace, by: readonly RuleModel[], listener: ListenerModel, scheme: 'http' | 'https'): { example?: RequestInput } | undefined {
  const input = witnessRequest([space], scheme);
  const request = input && requestOf(input);
  if (!input || !request) return {};
  return by.some((rule) => matchedBy(listener, request, rule)) ? { example: input } : undefined;
}

function firstOverlap(rule: RuleModel, space: RuleSpace, earlier: ReadonlyArray<{ rule: RuleModel; space: RuleSpace }>, listener: ListenerModel, scheme: 'http' | 'https') {
  const key = actionKey(rule);
  for (const candidate of earlier) {
    if (actionKey(candidate.rule) === key || !sharesField(candidate.space, space) || surelyDisjoint(candidate.space, space)) continue;
    const input = witnessRequest([candidate.space, space], scheme);
    const request = input && requestOf(input);
    if (request && matchedBy(listener, request, candidate.rule) && matchedBy(listener, request, rule)) return { earlier: candidate.rule, example: requestLine(request) + describeExtras(input) };
  }
  return undefined;
}

/**
 * Rules on different fields (a host rule and a path rule) overlap by
 * construction; the surprise is a partial overlap on a field both constrain.
 */
function sharesField(a: RuleSpace, b: RuleSpace): boolean {
  const both = (x: { kind: string }, y: { kind: string }) => x.kind !== 'any' && y.kind !== 'any';
  return (
    both(a.host, b.host) ||
    both(a.path, b.path) ||
    both(a.method, b.method) ||
    both(a.source, b.source) ||
    a.headers.some((h) => b.headers.some((k) => k.name === h.name)) ||
    (a.queries.length > 0 && b.queries.length > 0)
  );
}

function describeExtras(input: RequestInput): string {
  const headers = (input.headers ?? []).map((h) => ` -H "${h}"`).join('');
  return `${headers}${input.sourceIp ? ` from ${input.sourceIp}` : ''}`;
}

const actionKeys = new WeakMap<RuleModel, string>();

/** What a rule does, so that rules doing the same are not reported as overlapping (kept per rule: asked for every pair). */
function actionKey(rule: RuleModel): string {
  let key = actionKeys.get(rule);
  if (key === undefined) {
    key = computeActionKey(rule);
    actionKeys.set(rule, key);
  }
  return key;
}

function computeActionKey(rule: RuleModel): string {
  const final = rule.actions?.items.find((a) => a.kind && finalActionTypes.has(a.kind));
  if (!final) return '';
  const value = (located: { value: unknown } | undefined) => located?.value;
  return JSON.stringify([
    final.kind,
    value(final.targetGroupArn),
    final.forward?.targetGroups.map((g) => [value(g.arn), value(g.weight)]),
    final.redirect && [value(final.redirect.protocol), value(final.redirect.host), value(final.redirect.port), value(final.redirect.path), value(final.redirect.query), value(final.redirect.statusCode)],
    final.fixedResponse && [value(final.fixedResponse.statusCode), value(final.fixedResponse.contentType), value(final.fixedResponse.messageBody)],
    rule.transforms?.items.map((t) => t.rewrites.map((r) => [value(r.regex), value(r.replace)])),
  ]);
}

/** Where to point a finding about a rule: its priority, else its conditions, else the rule. */
export function ruleAnchor(rule: RuleModel): TextRange {
  return rule.priority?.range ?? rule.conditions?.key ?? rule.actions?.key ?? rule.range;
}
