import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf, resourceStrings } from '../values';
import { covers } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';
import { mayNameIam } from '../actions';
import type { Statement } from '../policy';

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
        if (mayNameIam(action) && covers(action.value, 'iam:PassRole', true) && !/^(\*|iam:\*)$/.test(action.value)) {
          out.push({ range: policy.range(action.node), message: 'iam:PassRole on "*" lets this principal pass any role, including admin roles, to a service: list the role ARNs it may pass.' });
        }
      }
    });
    return out;
  },
});

/** A condition on iam:PassedToService limits which services the roles can go to: AWS's own policies do this. */
function limitsPassedToService(statement: Statement): boolean {
  const condition = statement.elements.Condition?.value;
  return (condition?.children ?? []).some((operator) => (operator.children?.[1]?.children ?? []).some((key) => String(key.children?.[0]?.value).toLowerCase() === 'iam:passedtoservice'));
}
