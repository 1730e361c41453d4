import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { conditionConfigKeys, type ValueList } from '../model/types';
import { conditionsOf } from './walk';

/**
 * A condition's values, in the form AWS takes them: at least one value; the
 * top-level `Values` only for host-header and path-pattern, and never next to
 * the field's `*Config` in what you send (describe-rules output carries both,
 * which is fine while they agree).
 */
export const conditionValues = defineCheck({
  id: 'alb.condition-values',
  scope: 'alb-config',
  severity: 'error',
  title: 'A condition has no values, or its Values and *Config forms conflict.',
  docs: albDocs.ruleCondition,
  *run(context): Iterable<Report> {
    const output = context.region.shape === 'describe-rules';
    for (const { condition } of conditionsOf(context)) {
      const { kind, forms, field } = condition;
      if (!kind || !field) continue;
      const config = conditionConfigKeys[kind];
      const configPresent = forms.configs.find((c) => c.name === config);
      if (forms.values && kind !== 'host-header' && kind !== 'path-pattern') {
        yield { range: forms.values.key, message: `Values at the top of a condition are only for host-header and path-pattern; put ${kind} values in ${config}.` };
      } else if (forms.values && forms.configValues) {
        if (!output) {
          yield {
            range: forms.values.key,
            message: `Give the values once: AWS refuses both forms: "You cannot provide both Values and '${config}' for a condition of type '${kind}'".`,
          };
        } else if (!sameValues(forms.values, forms.configValues)) {
          yield { range: forms.values.key, message: `Values differ from ${config}.Values; ALB matches ${config}.Values.` };
        }
      }
      const legacy = forms.values;
      const second = legacy?.items[1];
      if (legacy && second && (kind === 'host-header' || kind === 'path-pattern') && !(output && forms.configValues)) {
        yield { range: second.range, message: `The Values form takes one value; AWS refuses more. Put several ${kind} values in ${config}.Values.` };
      }
      if (kind === 'http-header' && configPresent && !condition.headerName) {
        yield { range: configPresent.key, message: 'HttpHeaderConfig needs the HttpHeaderName to compare.' };
      }
      const empty = condition.values.length === 0 && condition.regexValues.length === 0 && condition.queryPairs.length === 0;
      if (empty) {
        yield { range: field.range, message: `This ${kind} condition has no values to compare; AWS requires at least one (the value for a condition can't be empty).` };
      }
    }
  },
});

function sameValues(a: ValueList, b: ValueList): boolean {
  return a.items.length === b.items.length && a.items.every((item, i) => item.value === b.items[i]?.value);
}
