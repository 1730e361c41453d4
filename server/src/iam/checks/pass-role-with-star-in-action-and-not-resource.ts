import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** "*", `iam:*` or `iam:Pass*` with NotResource: PassRole on every role the list misses, granted without naming it. */
export const passRoleWithStarInActionAndNotResource = roleGrantCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
  title: 'A wildcard action allows iam:PassRole on every role NotResource does not list.',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-action-and-not-resource'),
  target: passRole,
  action: 'wildcard',
  resource: 'notResource',
  message: (text) => `"${text}" with "NotResource" includes iam:PassRole on every role not listed, admin roles included: list the role ARNs it may pass in "Resource", or limit iam:PassedToService.`,
});
