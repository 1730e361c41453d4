import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { mayCoverIam, wildcardsCovering } from '../actions';
import { effectOf, resourceStrings } from '../values';
import { analyzerDocs, iamCheck } from '../define';
import { limitsServiceName } from '../service-guards';

/** "*", `iam:*` or `iam:Create*` on "*": any service's linked role, granted without naming the action (Access Analyzer reports it on AdministratorAccess). */
export const createSlrWithStarInActionAndResource = iamCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
  severity: 'warning',
  title: 'A wildcard action allows iam:CreateServiceLinkedRole on every role ("Resource": "*").',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-action-and-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      // The cheap test first: most statements name no IAM action and no bare "*".
      if (!mayCoverIam(statement) || effectOf(statement) !== 'Allow' || !resourceStrings(statement)?.includes('*') || limitsServiceName(statement)) return;
      for (const node of wildcardsCovering(statement, 'iam:CreateServiceLinkedRole')) {
        out.push({ range: policy.range(node), message: `"${String(node.value)}" on "*" includes iam:CreateServiceLinkedRole for any service: limit Resource to the service's role ARN or add an iam:AWSServiceName condition.` });
      }
    });
    return out;
  },
});
