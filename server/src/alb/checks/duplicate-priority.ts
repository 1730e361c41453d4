import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { priorityOf, type RuleModel } from '../model/types';
import { rulesOf } from './walk';
import { named } from './wording';

/** Priorities are unique per listener; AWS refuses the second rule with PriorityInUse. */
export const duplicatePriority = defineCheck({
  id: 'alb.duplicate-priority',
  scope: 'alb-config',
  severity: 'error',
  title: 'Two rules of one listener have the same priority.',
  docs: albDocs.createRule,
  *run(context): Iterable<Report> {
    const firstByListener = new Map<object, Map<number, RuleModel>>();
    for (const { listener, rule } of rulesOf(context)) {
      const priority = priorityOf(rule);
      if (rule.isDefault || priority === undefined || !rule.priority) continue;
      let seen = firstByListener.get(listener);
      if (!seen) firstByListener.set(listener, (seen = new Map()));
      const first = seen.get(priority);
      if (!first) {
        seen.set(priority, rule);
        continue;
      }
      yield {
        range: rule.priority.range,
        message: `Priority ${priority} is already taken by ${named(first)} in this listener; AWS refuses this rule: "PriorityInUse: Priority '${priority}' is currently in use".`,
      };
    }
  },
});
