import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

/** "*", `iam:*` or `iam:Create*` on "*": any service's linked role, granted without naming the action (Access Analyzer reports it on AdministratorAccess). */
export const createSlrWithStarInActionAndResource = roleGrantCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
  title: 'A wildcard action allows iam:CreateServiceLinkedRole on every role ("Resource": "*").',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-action-and-resource'),
  target: createServiceLinkedRole,
  action: 'wildcard',
  resource: 'star',
  message: (text) => `"${text}" on "*" includes iam:CreateServiceLinkedRole for any service: limit Resource to the service's role ARN or add an iam:AWSServiceName condition.`,
});
