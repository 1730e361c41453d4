import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

/** NotAction without iam:CreateServiceLinkedRole and NotResource: the linked role of every service the list misses, granted by omission twice. */
export const createSlrWithNotActionAndNotResource = roleGrantCheck({
  id: 'CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE',
  title: 'A NotAction allows iam:CreateServiceLinkedRole on every role NotResource does not list.',
  docs: analyzerDocs('general-warning-create-slr-with-not-action-and-not-resource'),
  target: createServiceLinkedRole,
  action: 'notAction',
  resource: 'notResource',
  message: () => '"NotAction" with "NotResource" allows iam:CreateServiceLinkedRole for every service not listed, as NotAction does not list it: list the actions and role ARNs in "Action" and "Resource", add iam:CreateServiceLinkedRole to "NotAction", or add an iam:AWSServiceName condition.',
});
