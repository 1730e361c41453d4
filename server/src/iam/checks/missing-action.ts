import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

export const missingAction = iamCheck({
  id: 'MISSING_ACTION',
  severity: 'error',
  title: 'A statement has neither Action nor NotAction.',
  docs: analyzerDocs('error-missing-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      if (statement.elements.Action || statement.elements.NotAction) return;
      out.push({ range: policy.opening(statement.node), message: 'Add an "Action" (or "NotAction") element to this statement.' });
    });
    return out;
  },
});
