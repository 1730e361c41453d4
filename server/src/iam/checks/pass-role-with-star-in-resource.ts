import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf, resourceStrings } from '../values';
import { hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';
import { mayNameIam } from '../actions';
import { limitsPassedToService } from '../service-guards';

/** iam:PassRole on every role lets the holder hand any role, admin included, to a service. */
export const passRoleWithStarInResource = iamCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  severity: 'warning',
  title: 'iam:PassRole is allowed on every role ("Resource": "*").',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      // The cheap test first: most statements name no IAM action at all.
      if (!statement.actions.some(mayNameIam) || effectOf(statement) !== 'Allow' || !resourceStrings(statement)?.includes('*') || limitsPassedToService(statement)) return;
      for (const action of statement.actions) {
        // A wildcard action is PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE's.
        if (!mayNameIam(action) || hasWildcard(action.value) || action.name.toLowerCase() !== 'passrole') continue;
        out.push({ range: policy.range(action.node), message: 'iam:PassRole on "*" lets this principal pass any role, including admin roles, to a service: list the role ARNs it may pass, or limit iam:PassedToService.' });
      }
    });
    return out;
  },
});
