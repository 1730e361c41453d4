import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getNodePath } from 'jsonc-parser';
import { Document, isMap, isScalar, visit, type Scalar } from 'yaml';
import { locate } from '../../../server/src/document/tree';
import type { Analysis } from '../../../server/src/language/service';
import { createWorkbenchService } from '../../../server/src/workbench';

/**
 * A template checked as JSON and as YAML (block or flow style, intrinsics in
 * short or long form) gives the same findings, on the same nodes: the engines
 * see one model whatever the format.
 */
const service = createWorkbenchService();

const action = fc.constantFrom('s3:GetObject', 's3:GetObjekt', 's3:*', 'iam:PassRole', 'ec2:RunInstances', '*', 's3:ListBucket', 'lambda:InvokeFunction', 'S3:getobject');
const resource = fc.constantFrom<unknown>('*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b', 'arn:aws:s4:::x', { Ref: 'Bucket' }, { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }, { 'Fn::GetAtt': ['Bucket', 'Arn'] }, 'arn:aws:iam::123:role/x');
const condition = fc.constantFrom<unknown>(
  { StringEquals: { 'aws:PrincipalTag/team': 'x' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { StringLike: { 's3:prefix': ['a/*'] } },
  { StringEqualz: { 'aws:username': 'a' } },
);
const statement = fc.record(
  {
    Sid: fc.constantFrom('One', 'Two', ''),
    Effect: fc.constantFrom('Allow', 'Deny', 'Alow'),
    Action: fc.oneof(action, fc.array(action, { minLength: 1, maxLength: 3 })),
    Resource: fc.oneof(resource, fc.array(resource, { minLength: 1, maxLength: 2 })),
    Condition: condition,
  },
  { requiredKeys: ['Effect', 'Action'] },
);
const policy = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.array(statement, { minLength: 1, maxLength: 4 }) }, { requiredKeys: ['Statement'] });
const template = fc.record({ role: policy, bucket: policy, timeout: fc.constantFrom(3, 5, 10), arn: fc.constantFrom<unknown>({ Ref: 'Fn.Version' }, { 'Fn::GetAtt': ['Fn', 'Arn'] }) }).map(({ role, bucket, timeout, arn }) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket' },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'p', PolicyDocument: role }] } },
    BucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { ...bucket, Statement: bucket.Statement.map((s) => ({ ...s, Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } } })) } } },
    Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Timeout: timeout, AutoPublishAlias: 'live', Role: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
    Distribution: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: arn }] } } } },
  },
}));

/** YAML for a value: block or flow collections, intrinsics as `!Tag value` or as their `Fn::` keys. */
function toYaml(value: unknown, flow: boolean, shortIntrinsics: boolean): string {
  // No anchors for repeated objects: a finding inside an alias is located at the alias, by design.
  const document = new Document(value, { aliasDuplicateObjects: false });
  if (shortIntrinsics) {
    visit(document, {
      Map(_, node) {
        const [only] = node.items;
        const key = node.items.length === 1 && isScalar(only?.key) ? String((only.key as Scalar).value) : '';
        if (!only || !(key === 'Ref' || key.startsWith('Fn::')) || only.value === null || typeof only.value !== 'object') return undefined;
        const inner = only.value as { tag?: string };
        inner.tag = `!${key === 'Ref' ? 'Ref' : key.slice(4)}`;
        return only.value as never;
      },
    });
  }
  if (flow) visit(document, { Node: (_, node) => void (isMap(node) || 'items' in node ? Object.assign(node, { flow: true }) : undefined) });
  return document.toString({ lineWidth: 0 });
}

/**
 * Each finding as its id, message and the path of the node it points at. A
 * finding about a whole object points at its `{` in JSON and, in YAML block
 * style, at the `-` of its sequence item or the key that holds it: both name
 * the same object.
 */
function described(analysis: Analysis): string[] {
  const { text, root } = analysis.document;
  return analysis.findings
    .filter((f) => f.id !== 'json.syntax' && f.id !== 'yaml.syntax')
    .map((f) => {
      let offset = f.range.offset;
      const dash = text.charAt(offset) === '-' && f.range.length === 1;
      if (dash) offset = text.slice(offset + 1).search(/\S/) + offset + 1;
      let node = locate(root, offset)?.node;
      // On a dash, the item is the object whose first key follows it.
      if (dash && node?.parent?.type === 'property' && node.parent.parent) node = node.parent.parent;
      // A range that covers a whole YAML mapping starts on its first key (or its `!Tag`): the mapping is what it names.
      const end = f.range.offset + f.range.length;
      while (node?.parent && node.parent.offset === offset && node.parent.offset + node.parent.length <= end) node = node.parent;
      return `${f.id} @ ${node ? JSON.stringify(getNodePath(node)) : '-'}: ${f.message}`;
    })
    .sort();
}

describe('JSON and YAML templates give the same findings', () => {
  for (const [flow, shortIntrinsics] of [[false, true], [false, false], [true, true], [true, false]] as const) {
    it(`${flow ? 'flow' : 'block'} style, ${shortIntrinsics ? 'short' : 'long'} intrinsics`, () => {
      fc.assert(
        fc.property(template, (value) => {
          const json = service.analyze(JSON.stringify(value, null, 2), undefined, 'template.json');
          const yamlText = toYaml(value, flow, shortIntrinsics);
          const yaml = service.analyze(yamlText, undefined, 'template.yaml');
          assert.deepEqual(yaml.document.syntaxProblems, [], yamlText);
          assert.deepEqual(described(yaml), described(json), yamlText);
        }),
        { numRuns: 60 },
      );
    });
  }
});
