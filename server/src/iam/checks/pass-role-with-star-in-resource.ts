import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** iam:PassRole on every role lets the holder hand any role, admin included, to a service. */
export const passRoleWithStarInResource = roleGrantCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  title: 'iam:PassRole is allowed on every role ("Resource": "*").',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-resource'),
  target: passRole,
  action: 'named',
  resource: 'star',
  message: () => 'iam:PassRole on "*" lets this principal pass any role, including admin roles, to a service: list the role ARNs it may pass, or limit iam:PassedToService.',
});
