import { analyzerDocs } from '../define';
import { passRole, roleGrantCheck } from '../role-grants';

/** "*", `iam:*` or `iam:Pass*` on "*": PassRole on every role, granted without naming it (Access Analyzer reports it on AdministratorAccess). */
export const passRoleWithStarInActionAndResource = roleGrantCheck({
  id: 'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
  title: 'A wildcard action allows iam:PassRole on every role ("Resource": "*").',
  docs: analyzerDocs('security-warning-pass-role-with-star-in-action-and-resource'),
  target: passRole,
  action: 'wildcard',
  resource: 'star',
  message: (text) => `"${text}" on "*" includes iam:PassRole on every role, admin roles included: list the role ARNs it may pass, or limit iam:PassedToService.`,
});
