import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** iam:PassRole with NotResource: every role the list misses, admin roles and roles made later included. */
export const passRoleWithNotResource = roleGrantCheck({
  id: 'PASS_ROLE_WITH_NOT_RESOURCE',
  title: 'iam:PassRole is allowed on every role NotResource does not list.',
  docs: analyzerDocs('security-warning-pass-role-with-not-resource'),
  target: passRole,
  action: 'named',
  resource: 'notResource',
  message: () => 'iam:PassRole with "NotResource" lets this principal pass every role not listed, admin roles and roles made later included: list the role ARNs it may pass in "Resource", or limit iam:PassedToService.',
});
