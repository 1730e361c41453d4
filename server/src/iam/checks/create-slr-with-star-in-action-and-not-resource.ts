import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

/** "*", `iam:*` or `iam:Create*` with NotResource: the linked role of every service the list misses, granted without naming the action. */
export const createSlrWithStarInActionAndNotResource = roleGrantCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
  title: 'A wildcard action allows iam:CreateServiceLinkedRole on every role NotResource does not list.',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-action-and-not-resource'),
  target: createServiceLinkedRole,
  action: 'wildcard',
  resource: 'notResource',
  message: (text) => `"${text}" with "NotResource" includes iam:CreateServiceLinkedRole for every service not listed: list the service's role ARN in "Resource" or add an iam:AWSServiceName condition.`,
});
