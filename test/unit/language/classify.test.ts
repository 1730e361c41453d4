import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { classifyTree } from '../../../server/src/workbench';

function regionsOf(text: string): Array<[string, string, string]> {
  return classifyTree(parseTree(text)).regions.map((r) => [r.kind, r.shape, r.path.join('.')]);
}

describe('classify', () => {
  const table: Array<{ name: string; text: string; expected: Array<[string, string, string]> }> = [
    { name: 'a bare policy', text: '{"Version": "2012-10-17", "Statement": []}', expected: [['iam-policy', 'policy', '']] },
    { name: 'a policy being typed (Version only)', text: '{"Version": "2012-10-17"}', expected: [['iam-policy', 'policy', '']] },
    { name: 'package.json is not a policy', text: '{"name": "x", "version": "1.0.0"}', expected: [] },
    {
      name: 'get-policy-version output',
      text: '{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}, "VersionId": "v1"}}',
      expected: [['iam-policy', 'policy', 'PolicyVersion.Document']],
    },
    {
      name: 'get-role output (trust policy)',
      text: '{"Role": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}',
      expected: [['iam-policy', 'policy', 'Role.AssumeRolePolicyDocument']],
    },
    {
      name: 'get-bucket-policy output (policy as a JSON string)',
      text: '{"Policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"}',
      expected: [['iam-policy', 'policy-string', 'Policy']],
    },
    {
      name: 'a Lambda@Edge event',
      text: '{"Records": [{"cf": {"config": {"eventType": "viewer-request"}, "request": {}}}]}',
      expected: [['edge-event', 'lambda-edge-event', '']],
    },
    {
      name: 'a CloudFront Functions event',
      text: '{"version": "1.0", "context": {"eventType": "viewer-request"}, "viewer": {"ip": "1.2.3.4"}, "request": {}}',
      expected: [['edge-event', 'cloudfront-functions-event', '']],
    },
    { name: 'an S3 event is not an edge event', text: '{"Records": [{"s3": {}}]}', expected: [] },
    { name: 'describe-rules output', text: '{"Rules": [{"Priority": "1", "Conditions": [], "Actions": []}]}', expected: [['alb-config', 'describe-rules', '']] },
    { name: 'create-rule input', text: '{"ListenerArn": "arn", "Priority": 10, "Conditions": [], "Actions": []}', expected: [['alb-config', 'create-rule', '']] },
    { name: '--conditions file', text: '[{"Field": "path-pattern", "Values": ["/img/*"]}]', expected: [['alb-config', 'rule-conditions', '']] },
    { name: '--actions file', text: '[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]', expected: [['alb-config', 'rule-actions', '']] },
    { name: 'a listener', text: '{"Port": 443, "DefaultActions": [{"Type": "forward"}]}', expected: [['alb-config', 'listener', '']] },
    {
      name: 'a CloudFormation template with a listener rule and a role',
      text: JSON.stringify({
        Resources: {
          Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { Priority: 1 } },
          Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
        },
      }),
      expected: [
        ['template', 'cloudformation-template', ''],
        ['iam-policy', 'policy', 'Resources.Role.Properties.AssumeRolePolicyDocument'],
        ['alb-config', 'cloudformation', ''],
      ],
    },
    {
      name: 'a SAM template being written (a Transform, no resources yet)',
      text: '{"Transform": "AWS::Serverless-2016-10-31"}',
      expected: [['template', 'cloudformation-template', '']],
    },
    {
      name: 'a Serverless Framework service',
      text: '{"service": "api", "provider": {"name": "aws"}}',
      expected: [['template', 'serverless-template', '']],
    },
    {
      name: 'Resources that are not AWS resources',
      text: '{"Resources": {"a": {"Type": "Thing"}}}',
      expected: [],
    },
    { name: 'an array of strings', text: '["a", "b"]', expected: [] },
    { name: 'nothing', text: '', expected: [] },
  ];
  for (const { name, text, expected } of table) {
    it(name, () => assert.deepEqual(regionsOf(text), expected));
  }
});
