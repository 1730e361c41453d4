import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

export const roleTrustPolicySyntaxErrorNotPrincipal = iamCheck({
  id: 'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL',
  severity: 'error',
  title: 'A role trust policy has a NotPrincipal element.',
  docs: analyzerDocs('error-role-trust-policy-syntax-error-notprincipal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotPrincipal;
      if (not) out.push({ range: policy.range(not.key), message: 'Role trust policies do not support "NotPrincipal": name the principals that may assume the role in "Principal".' });
    });
    return out;
  },
});
