import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

export const missingEffect = iamCheck({
  id: 'MISSING_EFFECT',
  severity: 'error',
  title: 'A statement has no Effect element.',
  docs: analyzerDocs('error-missing-effect'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      if (statement.elements.Effect) return;
      out.push({ range: policy.opening(statement.node), message: 'Add "Effect": "Allow" or "Deny" to this statement.' });
    });
    return out;
  },
});
