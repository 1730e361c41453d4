import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf, resourceStrings } from '../values';
import { analyzerDocs, iamCheck } from '../define';
import { mayCoverIam, wildcardsCovering } from '../actions';
import { limitsPassedToService } from '../service-guards';

/** "*", `iam:*` or `iam:Pass*` on "*": PassRole on every role, granted without naming it (Access Analyzer reports it on AdministratorAccess). */
export const passRoleWithStarInActionAndResource = iamCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
  severity: 'warning',
  title: 'A wildcard action allows iam:PassRole on every role ("Resource": "*").',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-action-and-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      // The cheap test first: most statements name no IAM action and no bare "*".
      if (!mayCoverIam(statement) || effectOf(statement) !== 'Allow' || !resourceStrings(statement)?.includes('*') || limitsPassedToService(statement)) return;
      for (const node of wildcardsCovering(statement, 'iam:PassRole')) {
        out.push({ range: policy.range(node), message: `"${String(node.value)}" on "*" includes iam:PassRole on every role, admin roles included: list the role ARNs it may pass, or limit iam:PassedToService.` });
      }
    });
    return out;
  },
});
