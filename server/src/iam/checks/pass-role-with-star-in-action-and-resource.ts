import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf, resourceStrings } from '../values';
import { covers, hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';
import { mayNameIam } from '../actions';
import { limitsPassedToService } from '../service-guards';

/** `iam:*` or `iam:Pass*` on "*": PassRole on every role, granted without naming it. */
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
      if (!statement.actions.some(mayNameIam) || effectOf(statement) !== 'Allow' || !resourceStrings(statement)?.includes('*') || limitsPassedToService(statement)) return;
      for (const action of statement.actions) {
        // "*" on "*" is iam.star-action-on-star-resource's: it says more than this.
        if (!mayNameIam(action) || !hasWildcard(action.value) || action.value === '*' || !covers(action.value, 'iam:PassRole', true)) continue;
        out.push({ range: policy.range(action.node), message: `"${action.value}" on "*" includes iam:PassRole on every role, admin roles included: list the role ARNs it may pass, or limit iam:PassedToService.` });
      }
    });
    return out;
  },
});
