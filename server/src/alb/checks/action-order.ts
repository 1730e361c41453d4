import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { finalActionTypes, type ActionModel, type ListOf } from '../model/types';
import { rulesOf } from './walk';

const authenticateTypes: ReadonlySet<string> = new Set(['authenticate-oidc', 'authenticate-cognito', 'jwt-validation']);

/**
 * A rule performs its actions by Order: at most one authenticate or
 * jwt-validation action first, then exactly one forward, redirect or
 * fixed-response, last. With several actions each needs a unique Order.
 */
export const actionOrder = defineCheck({
  id: 'alb.action-order',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule does not end with exactly one forward, redirect or fixed-response action, or its action orders are wrong.',
  docs: albDocs.actionTypes,
  *run(context): Iterable<Report> {
    for (const { rule } of rulesOf(context)) {
      if (rule.actions && rule.actions.items.length > 0) yield* checkActions(rule.actions);
    }
  },
});

function* checkActions(list: ListOf<ActionModel>): Iterable<Report> {
  const actions = list.items;
  const orders = new Map<number, ActionModel>();
  for (const action of actions) {
    const order = action.order;
    if (!order) {
      if (actions.length > 1) yield { range: action.type?.range ?? action.range, message: 'With several actions, each needs an Order (the lowest is performed first).' };
      continue;
    }
    if (order.value === undefined) continue;
    if (!Number.isInteger(order.value) || order.value < 1 || order.value > 50_000) {
      yield { range: order.range, message: `Order must be a whole number from 1 to 50,000 (got ${order.value}).` };
    } else if (orders.has(order.value)) {
      yield { range: order.range, message: `Order ${order.value} is used by two actions of this rule; each action needs its own.` };
    } else {
      orders.set(order.value, action);
    }
  }
  // Performed order: by Order where given, as written otherwise (AWS numbers them in that case).
  const performed = actions
    .map((action, index) => ({ action, index, order: action.order?.value ?? index + 1 }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map((entry) => entry.action);
  const finals = performed.filter((a) => a.kind && finalActionTypes.has(a.kind));
  const authenticates = performed.filter((a) => a.kind && authenticateTypes.has(a.kind));
  if (finals.length === 0 && actions.every((a) => a.kind)) {
    yield { range: list.key.length ? list.key : list.range, message: 'A rule needs one forward, redirect or fixed-response action to end with.' };
  }
  for (const extra of finals.slice(1)) {
    yield { range: extra.type?.range ?? extra.range, message: `A rule has exactly one forward, redirect or fixed-response action; this ${extra.kind ?? ''} is a second one.` };
  }
  const final = finals[0];
  if (final && performed.at(-1) !== final && finals.length === 1) {
    yield { range: final.order?.range ?? final.type?.range ?? final.range, message: `The ${final.kind ?? ''} action must be performed last: give it the highest Order.` };
  }
  for (const extra of authenticates.slice(1)) {
    yield { range: extra.type?.range ?? extra.range, message: 'A rule can have only one authenticate-oidc, authenticate-cognito or jwt-validation action.' };
  }
}
