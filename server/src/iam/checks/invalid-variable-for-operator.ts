import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';
import { variablesIn } from '../variables';

/** IAM replaces policy variables in String and ARN comparisons only: elsewhere "${...}" is compared as written. */
export const invalidVariableForOperator = iamCheck({
  id: 'INVALID_VARIABLE_FOR_OPERATOR',
  severity: 'error',
  title: 'A policy variable is used with an operator other than String and ARN ones.',
  docs: analyzerDocs('error-invalid-variable-for-operator'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const family = entry.parsed?.family;
      if (!family || family === 'String' || family === 'Arn') return;
      for (const node of entry.values) {
        const text = valueText(node);
        if (text === undefined || variablesIn(node, text).length === 0) continue;
        out.push({ range: policy.range(node), message: `${entry.parsed?.base ?? family} does not replace policy variables, so "${text}" is compared as written: variables work with String and ARN operators only.` });
      }
    });
    return out;
  },
});
