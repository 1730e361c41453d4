import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** A policy without statements grants and denies nothing, and IAM rejects it. */
export const missingStatement = iamCheck({
  id: 'MISSING_STATEMENT',
  severity: 'error',
  title: 'The policy has no Statement element.',
  docs: analyzerDocs('error-missing-statement'),
  run(policy): Report[] {
    if (policy.statementElement) return [];
    return [{ range: policy.opening(policy.root), message: 'Add a "Statement" element: a policy needs at least one statement.' }];
  },
});
