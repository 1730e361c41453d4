import type { Report } from '../../language/check';
import { conditionsOf, matchesAbsentKey, valueText } from '../conditions';
import { guideDocs, iamCheck } from '../define';
import { removeConditionKey } from '../edits';

/**
 * `"Null": {"k": "false"}` beside a condition that already fails when k is
 * absent (StringEquals, NumericLessThan, ForAnyValue:...) adds nothing. Beside
 * ForAllValues, IfExists or a negated operator it is needed, and not reported.
 */
export const redundantNullFalse = iamCheck({
  id: 'iam.redundant-null-false',
  severity: 'info',
  title: 'A "Null": false condition repeats what another condition on the same key already requires.',
  docs: guideDocs('reference_policies_elements_condition_operators.html#Conditions_Null'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const entries = conditionsOf(policy);
    entries.forEach((entry) => {
      if (entry.parsed?.base !== 'Null' || entry.parsed.qualifier || entry.parsed.ifExists) return;
      if (entry.values.length === 0 || !entry.values.every((v) => valueText(v)?.toLowerCase() === 'false')) return;
      const by = entries.find((other) => other.statement === entry.statement && other.values.length > 0 && other.parsed && !matchesAbsentKey(other.parsed) && other.lowerName === entry.lowerName);
      if (!by) return;
      out.push({
        range: policy.range(entry.key),
        message: `${by.operator} on ${by.name} already fails when the key is absent: "Null": false adds nothing here.`,
        fixes: [removeConditionKey(policy, entry.key, `Remove the Null test of ${entry.name}`)],
      });
    });
    return out;
  },
});
