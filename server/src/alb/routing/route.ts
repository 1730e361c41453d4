import type { TextRange } from '../../language/finding';
import { priorityOf, type ListenerModel, type RuleModel } from '../model/types';
import { compileListener } from './compile';
import { explainCondition, type ConditionTrace, type Verdict } from './conditions';
import { firstMatch, ruleAnswer } from './match';
import type { RoutingOptions } from './options';
import { perform, responseOf, type Outcome, type SimulatedResponse } from './outcome';
import { prepareRequest } from './prepared';
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

/** The fast path's answer: the rule whose actions run and what they do, without a trace. */
export interface RouteDecision {
  /** The rule chosen, and its index in evaluation order; undefined when none matched. */
  readonly rule: RuleModel | undefined;
  readonly index: number | undefined;
  readonly outcome: Outcome;
  readonly notes: readonly string[];
}

/** The fast path: the index in evaluation order of the rule whose actions run, or undefined; no reasons, no outcome. */
export function chooseRule(listener: ListenerModel, request: AlbRequest, options: RoutingOptions): number | undefined {
  return firstMatch(compileListener(listener), prepareRequest(request, options));
}

/** Picks the rule with ALB's semantics and performs its actions; no reasons are built. */
export function decideRoute(listener: ListenerModel, request: AlbRequest, options: RoutingOptions): RouteDecision {
  const index = chooseRule(listener, request, options);
  const rule = index === undefined ? undefined : compileListener(listener).rules[index]?.rule;
  if (!rule) return { rule: undefined, index: undefined, outcome: noRule, notes: [] };
  const performed = perform(rule, request, listener.targetGroupResources);
  return { rule, index, outcome: performed.outcome, notes: performed.notes };
}

/** Whether one rule of the listener matches the request, by the fast path (the analysis checks its claims with it). */
export function ruleVerdict(listener: ListenerModel, rule: RuleModel, request: AlbRequest, options: RoutingOptions): Verdict {
  const compiled = compileListener(listener).byRule.get(rule);
  return compiled ? ruleAnswer(compiled.conditions, prepareRequest(request, options)) : 'unknown';
}

const noRule: Outcome = { kind: 'none', reason: 'no rule matched, and this document does not hold the listener\'s default rule' };

/**
 * Routes a request through a listener with ALB's semantics (rules by
 * priority, AND across conditions, the default rule last) and explains every
 * rule and condition: for the preview, `--json` and `--trace`.
 */
export function routeRequest(listener: ListenerModel, request: AlbRequest, options: RoutingOptions): RouteTrace {
  const compiled = compileListener(listener);
  const prepared = prepareRequest(request, options);
  const notes: string[] = [];
  const rules: RuleTrace[] = [];
  let winner: number | undefined;
  for (const { rule, conditions: compiledConditions } of compiled.rules) {
    const conditions = compiledConditions.map((c) => explainCondition(c, prepared));
    const verdict: Verdict = conditions.some((c) => c.verdict === 'not-matched')
      ? 'not-matched'
      : conditions.some((c) => c.verdict === 'unknown')
        ? 'unknown'
        : 'matched';
    const reached = winner === undefined;
    if (reached && verdict === 'unknown') notes.push(`${rule.label} could not be evaluated (see its conditions); it was passed over.`);
    if (reached && verdict === 'matched') winner = rules.length;
    rules.push({ label: rule.label, priority: priorityOf(rule), isDefault: rule.isDefault, range: rule.range, verdict, reached, conditions });
  }
  const winningRule = winner === undefined ? undefined : compiled.rules[winner]?.rule;
  let outcome = noRule;
  if (winningRule) {
    const performed = perform(winningRule, request, listener.targetGroupResources);
    outcome = performed.outcome;
    notes.push(...performed.notes);
  }
  return { listener: { label: listener.label, range: listener.range }, request, rules, winner, outcome, response: responseOf(outcome), notes };
}
