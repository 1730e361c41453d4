import { stringValue, propertyValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import { templateResources } from '../../template';
import { isServicePrincipal } from '../service-principal';

/**
 * The `Principal` of an `AWS::Lambda::Permission`: Lambda takes a service
 * principal (`s3.amazonaws.com`), an account id, an IAM ARN or `*`; `s3`
 * or `apigateway.amazonaws` is refused when the stack deploys.
 */
export const lambdaPermissionPrincipal = defineCheck({
  id: 'iam.lambda-permission-principal',
  scope: 'template',
  severity: 'error',
  title: "An AWS::Lambda::Permission's Principal is not a service principal, an account id, an IAM ARN or *.",
  docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html',
  *run(context): Iterable<Report> {
    for (const resource of templateResources(context.region.node).values()) {
      if (resource.type !== 'AWS::Lambda::Permission') continue;
      const node = propertyValue(resource.properties, 'Principal');
      const value = stringValue(node);
      if (!node || value === undefined || accepted(value)) continue;
      const bare = /^[a-z0-9-]+$/.test(value);
      yield {
        range: node,
        message: `"${value}" is not a principal Lambda takes: a service principal (e.g. "s3.amazonaws.com"), an account id, an IAM ARN or "*".`,
        ...(bare ? { fixes: [{ title: `Change to "${value}.amazonaws.com"`, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(`${value}.amazonaws.com`) }], preferred: true }] } : {}),
      };
    }
  },
});

function accepted(value: string): boolean {
  return value === '*' || /^\d{12}$/.test(value) || /^arn:aws[a-z-]*:iam::\d{12}:/.test(value) || isServicePrincipal(value);
}
