import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { effectOf, holdsIntrinsic, strings } from '../values';

/** RCPs you write must name the services they restrict: "*" alone belongs to AWS's RCPFullAWSAccess (an Allow). */
export const rcpSyntaxErrorAction = iamCheck({
  id: 'RCP_SYNTAX_ERROR_ACTION',
  severity: 'error',
  title: 'A Deny statement of a resource control policy uses "*" as an action.',
  docs: analyzerDocs('error-rcp-syntax-error-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'rcp') return out;
    policy.statements.forEach((statement) => {
      const action = statement.elements.Action?.value;
      if (effectOf(statement) !== 'Deny' || !action || holdsIntrinsic(action)) return;
      for (const { node, value } of strings(action)) {
        if (value === '*') out.push({ range: policy.range(node), message: 'An RCP cannot use "*" as an action: name the services it restricts (e.g. "s3:*", "sts:*").' });
      }
    });
    return out;
  },
});
