import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';

/** IAM policies where YAML templates keep them: each case lists the findings (id and the text they cover). */
const service = createWorkbenchService();

function findingsOf(text: string, fileName: string): string[] {
  return service.analyze(text, undefined, fileName).findings.map((f) => `${f.id} ${text.slice(f.range.offset, f.range.offset + f.range.length)}`);
}

describe('IAM policies in YAML templates', () => {
  const table: ReadonlyArray<{ name: string; fileName: string; text: string; expected: string[] }> = [
    {
      name: 'serverless.yml provider.iam.role.statements: statements without a policy around them',
      fileName: 'serverless.yml',
      text: 'service: s\nprovider:\n  name: aws\n  iam:\n    role:\n      statements:\n        - Effect: Alow\n          Action: [s3:GetObjekt]\n          Resource: arn:aws:s3:::b-${sls:stage}/${aws:username}/*\n',
      expected: ['INVALID_EFFECT Alow', 'INVALID_ACTION s3:GetObjekt'],
    },
    {
      name: 'serverless.yml: the older provider.iamRoleStatements and per-function statements',
      fileName: 'serverless.yml',
      text: 'service: s\nprovider:\n  name: aws\n  iamRoleStatements:\n    - {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\nfunctions:\n  f:\n    handler: h.handler\n    iamRoleStatements:\n      - {Effect: Allow, Action: sqs:SendMesage, Resource: "*"}\n',
      expected: ['INVALID_ACTION s3:GetObjekt', 'INVALID_ACTION sqs:SendMesage'],
    },
    {
      name: 'SAM: an inline statement in a function\'s Policies, beside managed policy names',
      fileName: 'template.yaml',
      text: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - AWSLambdaBasicExecutionRole\n        - Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: dynamodb:GetItems\n              Resource: !GetAtt Table.Arn\n',
      expected: ['INVALID_ACTION dynamodb:GetItems'],
    },
    {
      name: 'a bucket policy is a resource policy: it needs a Principal',
      fileName: 'template.yaml',
      text: 'Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref B\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !Sub "arn:aws:s3:::${B}/*"\n',
      expected: ['MISSING_PRINCIPAL -'],
    },
    {
      name: 'a policy without Version: the finding sits on the key that holds it, the fix adds a YAML line',
      fileName: 'template.yaml',
      text: 'Resources:\n  R:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - {Effect: Allow, Action: s3:GetObject, Resource: "*"}\n',
      expected: ['MISSING_VERSION PolicyDocument'],
    },
  ];
  for (const { name, fileName, text, expected } of table) {
    it(name, () => assert.deepEqual(findingsOf(text, fileName), expected));
  }

  it('adds Version to a block mapping as a YAML line at its indentation', () => {
    const text = 'Resources:\n  R:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - {Effect: Allow, Action: s3:GetObject, Resource: "*"}\n';
    const analysis = service.analyze(text, undefined, 'template.yaml');
    const [action] = service.codeActions(analysis, analysis.findings[0]?.range ?? { offset: 0, length: 0 });
    assert.ok(action);
    const [edit] = action.edits;
    assert.ok(edit);
    const fixed = text.slice(0, edit.offset) + edit.newText + text.slice(edit.offset + edit.length);
    assert.equal(fixed, text.replace('        Statement:', "        Version: '2012-10-17'\n        Statement:"));
    assert.deepEqual(findingsOf(fixed, 'template.yaml'), []);
  });
});
