import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** A trust policy applies to its own role: IAM refuses a Resource or NotResource in it ("Has prohibited field Resource"). */
export const roleTrustPolicySyntaxErrorResource = iamCheck({
  id: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE',
  severity: 'error',
  title: 'A role trust policy has a Resource or NotResource element.',
  docs: analyzerDocs('error-role-trust-policy-syntax-error-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    policy.statements.forEach((statement) => {
      for (const element of [statement.elements.Resource, statement.elements.NotResource]) {
        if (element) out.push({ range: policy.range(element.key), message: `A role trust policy applies to the role it is attached to: remove "${String(element.key.value)}".` });
      }
    });
    return out;
  },
});
