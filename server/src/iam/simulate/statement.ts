import type { Node } from 'jsonc-parser';
import { WildcardMatcher, wildcardParts } from '../../wildcard/match';
import type { Statement } from '../policy';
import { arnMatches } from './arn-match';
import { evaluateConditions, scalars, type ConditionTrace } from './conditions';
import { principalMatches, type PrincipalVia } from './principal';
import type { RequestContext, SimulationRequest } from './request';
import { substitute } from './variables';

/** One element's verdict: whether it admits the request, and why. */
export interface ElementTrace {
  readonly matched: boolean;
  readonly reason: string;
}

/** One statement as it was judged against the request. */
export interface StatementTrace {
  readonly statement: Statement;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly action: ElementTrace;
  readonly resource: ElementTrace;
  /** Undefined when the statement names no principal (identity policies, SCPs). */
  readonly principal: (ElementTrace & { readonly via: PrincipalVia }) | undefined;
  readonly conditions: readonly ConditionTrace[];
  /** Action, resource, principal and every condition admit the request. */
  readonly applies: boolean;
}

/** Compiled action patterns by text: a policy repeats them, and one request meets every statement. */
const actionMatchers = new Map<string, WildcardMatcher>();

function actionMatcher(pattern: string): WildcardMatcher {
  let matcher = actionMatchers.get(pattern);
  if (!matcher) {
    if (actionMatchers.size > 10_000) actionMatchers.clear();
    matcher = new WildcardMatcher(wildcardParts(pattern), { caseInsensitive: true });
    actionMatchers.set(pattern, matcher);
  }
  return matcher;
}

export function evaluateStatement(statement: Statement, request: SimulationRequest, context: RequestContext, missing: Set<string>): StatementTrace {
  const { elements } = statement;
  const effect = statement.effect === 'Allow' || statement.effect === 'Deny' ? statement.effect : undefined;
  const action = listMatch(elements.Action?.value, elements.NotAction?.value, 'Action', request.action, (p) => actionMatcher(p).matches(request.action));
  const resource = action.matched ? resourceMatch(statement, request, context, missing) : { matched: false, reason: 'not judged: the action does not match' };
  const principalElement = elements.Principal?.value ?? elements.NotPrincipal?.value;
  let principal: StatementTrace['principal'];
  if (principalElement) {
    const found = principalMatches(principalElement, request.principal);
    // NotPrincipal takes in everyone it does not name: as a grant, that is everyone.
    principal = elements.Principal ? found : { matched: !found.matched, via: found.matched ? 'none' : 'everyone', reason: `NotPrincipal ${found.reason}` };
  }
  // Conditions are read for statements whose action applies, so their keys count as missing only where they matter.
  const conditions = action.matched ? evaluateConditions(elements.Condition?.value, context, missing) : [];
  const applies = effect !== undefined && action.matched && resource.matched && (principal?.matched ?? true) && conditions.every((c) => c.matched);
  const sid = elements.Sid?.value.type === 'string' ? String(elements.Sid.value.value) : undefined;
  return { statement, sid, effect, action, resource, principal, conditions, applies };
}

/** An Action/NotAction (or Resource/NotResource) element against one value. */
function listMatch(positive: Node | undefined, negative: Node | undefined, name: string, value: string, matches: (pattern: string) => boolean): ElementTrace {
  const element = positive ?? negative;
  if (!element) return { matched: false, reason: `the statement has no ${name} or Not${name}` };
  const written = scalars(element);
  const hit = written.find(matches);
  // A template's intrinsic function (Fn::Sub, Ref) stands for a value only a deployment knows: say it was left out.
  const items = element.type === 'array' ? (element.children?.length ?? 0) : 1;
  const unread = items > written.length ? ` (${items - written.length} value${items - written.length > 1 ? 's' : ''} not text, such as an intrinsic function, not compared)` : '';
  if (positive) return hit !== undefined ? { matched: true, reason: `${value} matches "${hit}"` } : { matched: false, reason: `${value} matches none of ${name}${unread}` };
  return hit !== undefined ? { matched: false, reason: `Not${name} excludes ${value} ("${hit}")` } : { matched: true, reason: `Not${name} does not list ${value}${unread}` };
}

function resourceMatch(statement: Statement, request: SimulationRequest, context: RequestContext, missing: Set<string>): ElementTrace {
  const { Resource, NotResource } = statement.elements;
  // Resource policies may leave Resource out (a role's trust policy): the policy is the resource's own.
  if (!Resource && !NotResource) return { matched: true, reason: 'no Resource element: the policy\'s own resource' };
  const problems: string[] = [];
  const trace = listMatch(Resource?.value, NotResource?.value, 'Resource', request.resource, (pattern) => {
    const filled = substitute(pattern, context);
    if (!filled.ok) {
      if (filled.missing) missing.add(filled.missing);
      problems.push(filled.reason);
      return false;
    }
    return arnMatches(filled.parts, request.resource, filled.text);
  });
  return problems.length ? { ...trace, reason: `${trace.reason} (${problems.join('; ')})` } : trace;
}
