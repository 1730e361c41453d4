import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** An SCP limits the IAM users and roles of the accounts it is attached to: it names no principal. */
export const scpSyntaxErrorPrincipal = iamCheck({
  id: 'SCP_SYNTAX_ERROR_PRINCIPAL',
  severity: 'error',
  title: 'A service control policy has a Principal or NotPrincipal element.',
  docs: analyzerDocs('error-scp-syntax-error-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'scp') return out;
    policy.statements.forEach((statement) => {
      for (const element of [statement.elements.Principal, statement.elements.NotPrincipal]) {
        if (element) out.push({ range: policy.range(element.key), message: `SCPs do not support "${String(element.key.value)}": remove it, and test aws:PrincipalArn in a Condition to single out principals.` });
      }
    });
    return out;
  },
});
