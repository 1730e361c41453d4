import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** A Bool or Null key given both "true" and "false" matches whatever the request holds. */
export const invalidConditionMultipleBoolean = iamCheck({
  id: 'INVALID_CONDITION_MULTIPLE_BOOLEAN',
  severity: 'error',
  title: 'A Bool or Null condition key is given both true and false.',
  docs: analyzerDocs('error-invalid-condition-multiple-boolean'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed?.family !== 'Bool' && entry.parsed?.family !== 'Null') return;
      const texts = new Set(entry.values.map((v) => valueText(v)?.toLowerCase()));
      if (!texts.has('true') || !texts.has('false')) return;
      const matches = entry.parsed.family === 'Null' ? 'whether the key is present or not' : 'whatever its value';
      out.push({ range: policy.range(entry.value), message: `${entry.name} is given both true and false under ${entry.operator}, so the condition matches ${matches}. Give one value.` });
    });
    return out;
  },
});
