import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import type { ConditionField } from '../model/types';
import { rulesOf } from './walk';

const once: ReadonlySet<ConditionField> = new Set(['host-header', 'http-request-method', 'path-pattern', 'source-ip']);

/** A rule has at most one each of host-header, http-request-method, path-pattern and source-ip. */
export const duplicateCondition = defineCheck({
  id: 'alb.duplicate-condition',
  scope: 'alb-config',
  severity: 'error',
  title: 'A rule has two host-header, http-request-method, path-pattern or source-ip conditions.',
  docs: albDocs.conditionTypes,
  *run(context): Iterable<Report> {
    for (const { rule } of rulesOf(context)) {
      const seen = new Set<ConditionField>();
      for (const condition of rule.conditions?.items ?? []) {
        const kind = condition.kind;
        if (!kind || !condition.field || !once.has(kind)) continue;
        if (seen.has(kind)) {
          yield {
            range: condition.field.range,
            message: `A rule can have only one ${kind} condition; put all the values in the first one (a condition matches when any of its values does).`,
          };
        }
        seen.add(kind);
      }
    }
  },
});
