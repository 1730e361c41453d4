import { analyzerDocs } from '../define';
import { createServiceLinkedRole, roleGrantCheck } from '../role-grants';

export const createSlrWithStarInResource = roleGrantCheck({
  id: 'CREATE_SLR_WITH_STAR_IN_RESOURCE',
  title: 'iam:CreateServiceLinkedRole is allowed on every role ("Resource": "*").',
  docs: analyzerDocs('general-warning-create-slr-with-star-in-resource'),
  target: createServiceLinkedRole,
  action: 'named',
  resource: 'star',
  message: () => 'iam:CreateServiceLinkedRole on "*" allows creating any service\'s linked role: limit Resource to the service\'s role ARN or add an iam:AWSServiceName condition.',
});
