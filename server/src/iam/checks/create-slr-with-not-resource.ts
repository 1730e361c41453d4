import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

/** iam:CreateServiceLinkedRole with NotResource: every service's linked role the list misses. */
export const createSlrWithNotResource = roleGrantCheck({
  id: 'CREATE_SLR_WITH_NOT_RESOURCE',
  title: 'iam:CreateServiceLinkedRole is allowed on every role NotResource does not list.',
  docs: analyzerDocs('general-warning-create-slr-with-not-resource'),
  target: createServiceLinkedRole,
  action: 'named',
  resource: 'notResource',
  message: () => 'iam:CreateServiceLinkedRole with "NotResource" allows creating the linked role of every service not listed: list the service\'s role ARN in "Resource" or add an iam:AWSServiceName condition.',
});
