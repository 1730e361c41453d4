import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { countedValues } from './condition-limits';
import { conditionsOf } from './walk';

const documented = 3;

/**
 * AWS documents three match evaluations per condition. Deployments with up
 * to five values in one path-pattern condition have been accepted, so this
 * is a warning, not an error.
 */
export const valuesPerCondition = defineCheck({
  id: 'alb.values-per-condition',
  scope: 'alb-config',
  severity: 'warning',
  title: 'A condition has more than the three match evaluations AWS documents.',
  docs: albDocs.conditionTypes,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      const counted = countedValues(condition);
      const extra = counted[documented];
      if (extra && condition.kind !== 'source-ip') {
        yield {
          range: extra.range,
          message: `This condition has ${counted.length} values; AWS documents up to ${documented} match evaluations per condition. Split it if AWS refuses it.`,
        };
      }
    }
  },
});
