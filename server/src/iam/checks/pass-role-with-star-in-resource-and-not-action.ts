import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** A NotAction that does not list iam:PassRole, on "*": PassRole on every role, granted by omission. */
export const passRoleWithStarInResourceAndNotAction = roleGrantCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
  title: 'A NotAction allows iam:PassRole on every role ("Resource": "*").',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-resource-and-not-action'),
  target: passRole,
  action: 'notAction',
  resource: 'star',
  message: () => '"NotAction" on "*" allows iam:PassRole on every role, admin roles included, as it does not list it: list the actions in "Action", add iam:PassRole to "NotAction", or limit iam:PassedToService.',
});
