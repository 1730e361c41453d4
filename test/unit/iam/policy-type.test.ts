import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { policyOf } from '../../../server/src/iam/policy';

const service = createWorkbenchService();

function typeOf(text: string, fileName?: string): string | undefined {
  const analysis = service.analyze(text, undefined, fileName);
  const region = analysis.classification.regions.find((r) => r.kind === 'iam-policy');
  assert.ok(region, 'an IAM policy region');
  const policy = policyOf({ document: analysis.document, classification: analysis.classification, fileName, region });
  return policy && `${policy.type.type} (${policy.type.source})`;
}

const identity = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
const withPrincipal = (action: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "${action}"}]}`;

describe('IAM policy type', () => {
  const table: Array<[string, string, string | undefined, string]> = [
    ['no Principal: identity-based', identity, undefined, 'identity (content)'],
    ['a Principal: resource-based', withPrincipal('sqs:SendMessage'), undefined, 'resource (content)'],
    ['a Principal that only assumes roles: trust', withPrincipal('sts:AssumeRole'), undefined, 'trust (content)'],
    ['the file name decides where content cannot', identity, '/repo/org/deny.scp.json', 'scp (file-name)'],
    ['boundary by file name', identity, 'file:///w/dev.boundary.json', 'boundary (file-name)'],
    ['AssumeRolePolicyDocument is a trust policy', JSON.stringify({ Role: { AssumeRolePolicyDocument: JSON.parse(withPrincipal('sts:AssumeRole')) } }), undefined, 'trust (context)'],
    ['get-policy-version output is identity-based', JSON.stringify({ PolicyVersion: { Document: JSON.parse(identity) } }), undefined, 'identity (context)'],
    [
      'a CloudFormation SCP',
      JSON.stringify({ Resources: { P: { Type: 'AWS::Organizations::Policy', Properties: { Type: 'SERVICE_CONTROL_POLICY', Content: JSON.parse(identity) } } } }),
      undefined,
      'scp (context)',
    ],
    [
      'aws organizations describe-policy output (an RCP kept as a JSON string)',
      JSON.stringify({ Policy: { PolicySummary: { Type: 'RESOURCE_CONTROL_POLICY' }, Content: JSON.stringify(JSON.parse(withPrincipal('s3:GetObject'))) } }),
      undefined,
      'rcp (context)',
    ],
    [
      'a CloudFormation bucket policy',
      JSON.stringify({ Resources: { P: { Type: 'AWS::S3::BucketPolicy', Properties: { PolicyDocument: JSON.parse(identity) } } } }),
      undefined,
      'resource (context)',
    ],
  ];
  for (const [name, text, fileName, expected] of table) {
    it(name, () => assert.equal(typeOf(text, fileName), expected));
  }
});
