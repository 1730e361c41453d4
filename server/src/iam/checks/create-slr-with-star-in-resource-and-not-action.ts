import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

/** A NotAction that does not list iam:CreateServiceLinkedRole, on "*": any service's linked role, granted by omission. */
export const createSlrWithStarInResourceAndNotAction = roleGrantCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
  title: 'A NotAction allows iam:CreateServiceLinkedRole on every role ("Resource": "*").',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-resource-and-not-action'),
  target: createServiceLinkedRole,
  action: 'notAction',
  resource: 'star',
  message: () => '"NotAction" on "*" allows iam:CreateServiceLinkedRole for any service, as it does not list it: list the actions in "Action", add iam:CreateServiceLinkedRole to "NotAction", or add an iam:AWSServiceName condition.',
});
