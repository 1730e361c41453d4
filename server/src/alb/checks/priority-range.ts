import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { capital } from './wording';
import { holdsWholeRules, rulesOf } from './walk';

/** AWS takes rule priorities from 1 to 50,000; the default rule has none. */
export const priorityRange = defineCheck({
  id: 'alb.priority-range',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule priority is missing or outside 1 to 50,000.',
  docs: albDocs.createRule,
  *run(context): Iterable<Report> {
    for (const { rule } of rulesOf(context)) {
      if (rule.isDefault) continue;
      const priority = rule.priority;
      if (!priority) {
        const at = rule.conditions?.key ?? rule.actions?.key;
        if (holdsWholeRules(context) && at) {
          yield { range: at, message: `${capital(rule.label)} has no Priority; every rule but the default one needs a priority from 1 to 50,000.` };
        }
        continue;
      }
      const { value } = priority;
      if (value === undefined) continue;
      const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(number) || number < 1 || number > 50_000) {
        yield { range: priority.range, message: `Priority must be a whole number from 1 to 50,000 (got ${JSON.stringify(value)}).` };
      }
    }
  },
});
