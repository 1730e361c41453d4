import type { Report } from '../../language/check';
import { effectOf } from '../values';
import { analyzerDocs, iamCheck } from '../define';

export const allowWithNotPrincipal = iamCheck({
  id: 'ALLOW_WITH_NOT_PRINCIPAL',
  severity: 'warning',
  title: 'A statement allows access with NotPrincipal.',
  docs: analyzerDocs('security-warning-allow-with-not-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotPrincipal;
      if (not && effectOf(statement) === 'Allow') {
        out.push({ range: policy.range(not.key), message: '"Allow" with "NotPrincipal" grants access to every principal but the listed ones, anonymous users included: name the principals in "Principal".' });
      }
    });
    return out;
  },
});
