import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

export const rcpSyntaxErrorNotAction = iamCheck({
  id: 'RCP_SYNTAX_ERROR_NOTACTION',
  severity: 'error',
  title: 'A resource control policy uses NotAction.',
  docs: analyzerDocs('error-rcp-syntax-error-notaction'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'rcp') return out;
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotAction;
      if (not) out.push({ range: policy.range(not.key), message: 'RCPs do not support "NotAction": list the actions in "Action".' });
    });
    return out;
  },
});
