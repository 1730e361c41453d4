import type { TextRange } from '../../language/finding';
import { evaluationOrder, priorityOf, type ListenerModel, type RuleModel } from '../model/types';
import { evaluateCondition, type ConditionTrace, type Verdict } from './conditions';
import type { RoutingOptions } from './options';
import { perform, responseOf, type Outcome, type SimulatedResponse } from './outcome';
import type { AlbRequest } from './request';

/** One rule's part in the routing of a request. */
export interface RuleTrace {
  readonly label: string;
  readonly priority: number | undefined;
  readonly isDefault: boolean;
  readonly range: TextRange;
  readonly verdict: Verdict;
  /** Whether ALB gets to this rule: it stops at the first match. Later rules are evaluated for information only. */
  readonly reached: boolean;
  readonly conditions: readonly ConditionTrace[];
}

/** The way of one request through a listener: every rule in order, the winner, and what happens. */
export interface RouteTrace {
  readonly listener: { readonly label: string; readonly range: TextRange };
  readonly request: AlbRequest;
  readonly rules: readonly RuleTrace[];
  /** Index into `rules` of the rule whose actions run. */
  readonly winner: number | undefined;
  readonly outcome: Outcome;
  readonly response: SimulatedResponse | undefined;
  /** Assumptions and side facts: authentication passed, rewrites applied, rules that could not be evaluated. */
  readonly notes: readonly string[];
}

/** Routes a request through a listener with ALB's semantics: rules by priority, AND across conditions, the default rule last. */
export function routeRequest(listener: ListenerModel, request: AlbRequest, options: RoutingOptions): RouteTrace {
  const notes: string[] = [];
  const rules: RuleTrace[] = [];
  let winner: number | undefined;
  let winningRule: RuleModel | undefined;
  for (const rule of evaluationOrder(listener)) {
    const conditions = (rule.conditions?.items ?? []).map((c) => evaluateCondition(c, request, options));
    const verdict: Verdict = conditions.some((c) => c.verdict === 'not-matched')
      ? 'not-matched'
      : conditions.some((c) => c.verdict === 'unknown')
        ? 'unknown'
        : 'matched';
    const reached = winner === undefined;
    if (reached && verdict === 'unknown') notes.push(`${rule.label} could not be evaluated (see its conditions); it was passed over.`);
    if (reached && verdict === 'matched') {
      winner = rules.length;
      winningRule = rule;
    }
    rules.push({ label: rule.label, priority: priorityOf(rule), isDefault: rule.isDefault, range: rule.range, verdict, reached, conditions });
  }
  let outcome: Outcome;
  if (winningRule) {
    const performed = perform(winningRule, request, listener.targetGroupResources);
    outcome = performed.outcome;
    notes.push(...performed.notes);
  } else {
    outcome = { kind: 'none', reason: 'no rule matched, and this document does not hold the listener\'s default rule' };
  }
  return { listener: { label: listener.label, range: listener.range }, request, rules, winner, outcome, response: responseOf(outcome), notes };
}
