import { defineCheck, type Report } from '../../language/check';
import type { TextRange } from '../../language/finding';
import { albDocs } from '../docs';
import { wildcardCount } from '../patterns/glob';
import type { ConditionModel } from '../model/types';
import { rulesOf } from './walk';

const valuesPerRule = 5;
const wildcardsPerRule = 5;

/** One value AWS counts against a rule's quotas, and the wildcards in it. */
interface Counted {
  readonly range: TextRange;
  readonly wildcards: number;
}

/** The values of a condition as AWS counts them: each value, regex value and query pair is one. */
export function countedValues(condition: ConditionModel): Counted[] {
  const globs = condition.kind === 'host-header' || condition.kind === 'path-pattern' || condition.kind === 'http-header';
  const values = condition.values.map((v) => ({ range: v.range, wildcards: globs ? wildcardCount(v.value ?? '') : 0 }));
  const regexes = condition.regexValues.map((v) => ({ range: v.range, wildcards: 0 }));
  const pairs = condition.queryPairs.map((p) => ({
    range: p.range,
    wildcards: wildcardCount(p.key?.value ?? '', true) + wildcardCount(p.value?.value ?? '', true),
  }));
  return [...values, ...regexes, ...pairs];
}

/** AWS's fixed quotas: five condition values (regex values included) and five wildcards per rule. */
export const conditionLimits = defineCheck({
  id: 'alb.condition-limits',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule has more than five condition values or more than five wildcards.',
  docs: albDocs.quotas,
  *run(context): Iterable<Report> {
    for (const { rule } of rulesOf(context)) {
      const counted = (rule.conditions?.items ?? []).flatMap(countedValues);
      const total = counted.length;
      const extra = counted[valuesPerRule];
      if (extra) {
        yield {
          range: extra.range,
          message: `This rule has ${total} condition values; AWS refuses more than ${valuesPerRule}: "A rule can only have '5' condition values and regex values". Split it into several rules.`,
        };
      }
      let wildcards = 0;
      for (const value of counted) {
        const before = wildcards;
        wildcards += value.wildcards;
        if (before <= wildcardsPerRule && wildcards > wildcardsPerRule) {
          const all = counted.reduce((sum, v) => sum + v.wildcards, 0);
          yield { range: value.range, message: `This rule has ${all} wildcards (* and ?); AWS allows ${wildcardsPerRule} per rule.` };
        }
      }
    }
  },
});
