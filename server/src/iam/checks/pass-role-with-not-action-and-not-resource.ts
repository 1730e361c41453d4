import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** NotAction without iam:PassRole and NotResource: PassRole on every role the list misses, granted by omission twice. */
export const passRoleWithNotActionAndNotResource = roleGrantCheck({
  id: 'PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE',
  title: 'A NotAction allows iam:PassRole on every role NotResource does not list.',
  docs: analyzerDocs('security-warning-pass-role-with-not-action-and-not-resource'),
  target: passRole,
  action: 'notAction',
  resource: 'notResource',
  message: () => '"NotAction" with "NotResource" allows iam:PassRole on every role not listed, admin roles included, as NotAction does not list it: list the actions and role ARNs in "Action" and "Resource", add iam:PassRole to "NotAction", or limit iam:PassedToService.',
});
