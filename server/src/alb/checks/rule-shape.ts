import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { holdsWholeRules, rulesOf } from './walk';

/** A rule has at least one condition and one action; the default rule has no conditions. */
export const ruleShape = defineCheck({
  id: 'alb.rule-shape',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule has no condition or no action, or the default rule has conditions.',
  docs: albDocs.listenerRules,
  *run(context): Iterable<Report> {
    const whole = holdsWholeRules(context);
    for (const { rule } of rulesOf(context)) {
      const conditions = rule.conditions;
      const actions = rule.actions;
      if (rule.isDefault) {
        if (conditions && conditions.items.length > 0) yield { range: conditions.key, message: 'The default rule cannot have conditions: it applies when no other rule matches.' };
        if (actions && actions.items.length === 0) yield { range: actions.key, message: 'The default rule needs an action: a forward, redirect or fixed-response.' };
        continue;
      }
      // modify-rule sends only what changes, but a list it sends replaces the rule's whole list.
      if (!whole && context.region.shape !== 'modify-rule') continue;
      if (conditions && conditions.items.length === 0) {
        yield { range: conditions.key, message: 'A rule needs at least one condition; without one, leave the requests to the default rule.' };
      }
      if (actions && actions.items.length === 0) {
        yield { range: actions.key, message: 'A rule needs at least one action, ending with a forward, redirect or fixed-response.' };
      }
    }
  },
});
