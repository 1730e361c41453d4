import type { Report } from '../../language/check';
import { variableHosts } from '../variables';
import { analyzerDocs, iamCheck } from '../define';

export const missingBraceInVariable = iamCheck({
  id: 'MISSING_BRACE_IN_VARIABLE',
  severity: 'error',
  title: 'A policy variable has no closing brace.',
  docs: analyzerDocs('error-missing-brace-in-variable'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    for (const { node, value } of variableHosts(policy)) {
      const pattern = /\$\{[^}]*$|\$\{[^}]*\$\{/g;
      const match = pattern.exec(value);
      if (!match) continue;
      out.push({ range: policy.rangeInString(node, match.index, 2), message: 'This "${" opens a policy variable that is not closed with "}".' });
    }
    return out;
  },
});
