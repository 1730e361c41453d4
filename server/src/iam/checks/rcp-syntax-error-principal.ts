import type { Report } from '../../language/check';
import { propertyValue } from '../../document/tree';
import { analyzerDocs, iamCheck } from '../define';
import { isIntrinsic } from '../values';

/** RCPs apply to every principal that reaches the resource: "*" is the only Principal, and conditions narrow it. */
export const rcpSyntaxErrorPrincipal = iamCheck({
  id: 'RCP_SYNTAX_ERROR_PRINCIPAL',
  severity: 'error',
  title: 'A resource control policy names a Principal other than "*", or uses NotPrincipal.',
  docs: analyzerDocs('error-rcp-syntax-error-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'rcp') return out;
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotPrincipal;
      if (not) out.push({ range: policy.range(not.key), message: 'RCPs do not support "NotPrincipal": use "Principal": "*" and a Condition on the principal (aws:PrincipalArn, aws:PrincipalOrgID...).' });
      const principal = statement.elements.Principal?.value;
      // "*" as RCPs are written; {"AWS": "*"} means the same and is not judged.
      if (!principal || isIntrinsic(principal) || principal.value === '*' || propertyValue(principal, 'AWS')?.value === '*') return;
      out.push({ range: policy.range(principal), message: 'RCPs only take "Principal": "*": name the principals in a Condition instead (aws:PrincipalArn, aws:PrincipalOrgID...).' });
    });
    return out;
  },
});
