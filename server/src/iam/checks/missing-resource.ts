import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/**
 * Identity-based policies, boundaries, SCPs and RCPs need Resource or
 * NotResource. Trust policies have none, and some resource-based policies
 * (ECR repository policies) omit it, so those are not judged.
 */
export const missingResource = iamCheck({
  id: 'MISSING_RESOURCE',
  severity: 'error',
  title: 'A statement has neither Resource nor NotResource.',
  docs: analyzerDocs('error-missing-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type === 'trust' || policy.type.type === 'resource') return out;
    policy.statements.forEach((statement) => {
      if (statement.elements.Resource || statement.elements.NotResource) return;
      out.push({ range: policy.opening(statement.node), message: `Add a "Resource" (or "NotResource") element: ${policy.type.type === 'identity' ? 'identity-based policies' : 'this kind of policy'} need one in every statement.` });
    });
    return out;
  },
});
