import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** `"Principal": "*"` in a role trust policy: Access Analyzer's error (a `{"AWS": "*"}` with conditions is another matter). */
export const roleTrustPolicyUnsupportedWildcardInPrincipal = iamCheck({
  id: 'ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  severity: 'error',
  title: 'A role trust policy has "Principal": "*".',
  docs: analyzerDocs('error-role-trust-policy-unsupported-wildcard-in-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    policy.statements.forEach((statement) => {
      const value = statement.elements.Principal?.value;
      if (value?.type === 'string' && value.value === '*') out.push({ range: policy.range(value), message: '"Principal": "*" is not supported in a role trust policy: name the principals that may assume the role.' });
    });
    return out;
  },
});
