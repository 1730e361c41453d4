import * as assert from 'node:assert/strict';
import type { Decision } from '../../../../server/src/iam';
import { ask, policyOf, type Ask } from './simulate-fixture';

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const user = 'arn:aws:iam::111122223333:user/alice';
const session = 'arn:aws:sts::111122223333:assumed-role/Dev/alice';
const bucketObject = 'arn:aws:s3:::amzn-s3-demo-bucket/report.csv';

interface Row {
  readonly name: string;
  readonly policies: ReturnType<typeof policyOf>[];
  readonly request: Ask;
  readonly decision: Decision;
  /** Sids of the deciding statements. */
  readonly deciding?: readonly string[];
}

// The cases of the IAM User Guide's "Policy evaluation logic" pages, one row each.
const rows: Row[] = [
  { name: 'no policy: the default deny', policies: [], request: { action: 's3:GetObject', resource: bucketObject }, decision: 'implicitDeny' },
  {
    name: 'an identity policy allows',
    policies: [policyOf('identity', [{ Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }])],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'allowed', deciding: ['Read'],
  },
  {
    name: 'actions compare without case, resources with it',
    policies: [policyOf('identity', [{ Effect: 'Allow', Action: 'S3:getobject', Resource: 'arn:aws:s3:::AMZN-S3-DEMO-BUCKET/*' }])],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'implicitDeny',
  },
  {
    name: 'an explicit deny overrides an allow',
    policies: [policyOf('identity', [allowAll, { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }])],
    request: { action: 's3:DeleteObject', resource: bucketObject }, decision: 'explicitDeny', deciding: ['NoDelete'],
  },
  {
    name: 'NotAction allows everything else',
    policies: [policyOf('identity', [{ Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])],
    request: { action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/bob' }, decision: 'implicitDeny',
  },
  {
    name: 'Deny with NotResource denies outside the listed resources',
    policies: [policyOf('identity', [allowAll, { Sid: 'OnlyThisBucket', Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'] }])],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/x' }, decision: 'explicitDeny', deciding: ['OnlyThisBucket'],
  },
  {
    name: 'a permissions boundary limits what the identity policy grants',
    policies: [policyOf('identity', [allowAll]), policyOf('boundary', [{ Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*'], Resource: '*' }])],
    request: { action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/bob' }, decision: 'implicitDeny',
  },
  {
    name: 'within the boundary, the identity policy grants',
    policies: [policyOf('identity', [{ Sid: 'Grant', ...allowAll }]), policyOf('boundary', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])],
    request: { action: 's3:PutObject', resource: bucketObject }, decision: 'allowed', deciding: ['Grant'],
  },
  {
    name: 'a boundary alone grants nothing',
    policies: [policyOf('boundary', [allowAll])],
    request: { action: 's3:PutObject', resource: bucketObject }, decision: 'implicitDeny',
  },
  {
    name: 'an SCP that does not allow the action denies it',
    policies: [policyOf('identity', [allowAll]), policyOf('scp', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'implicitDeny',
  },
  {
    name: 'every SCP in the path must allow',
    policies: [policyOf('identity', [allowAll]), policyOf('scp', [allowAll], 'root.json'), policyOf('scp', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], 'ou.json')],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'implicitDeny',
  },
  {
    name: 'an SCP deny wins',
    policies: [policyOf('identity', [allowAll]), policyOf('scp', [allowAll, { Sid: 'NoLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }])],
    request: { action: 'organizations:LeaveOrganization', resource: '*' }, decision: 'explicitDeny', deciding: ['NoLeave'],
  },
  {
    name: 'an RCP that allows nothing applicable denies',
    policies: [policyOf('identity', [allowAll]), policyOf('rcp', [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'implicitDeny',
  },
  {
    name: 'a session policy limits the role session',
    policies: [policyOf('identity', [allowAll]), policyOf('session', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])],
    request: { action: 's3:PutObject', resource: bucketObject, principal: session }, decision: 'implicitDeny',
  },
  {
    name: 'same account: a resource policy naming the user grants without an identity policy',
    policies: [policyOf('resource', [{ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: user }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'allowed', deciding: ['Alice'],
  },
  {
    name: 'same account: a resource policy naming the user is not limited by the boundary',
    policies: [policyOf('resource', [{ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: user }, Action: 's3:GetObject', Resource: '*' }]), policyOf('boundary', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'allowed', deciding: ['Alice'],
  },
  {
    name: 'same account: a resource policy naming the role leaves its session under the boundary',
    policies: [policyOf('resource', [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Dev' }, Action: 's3:GetObject', Resource: '*' }]), policyOf('boundary', [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: session }, decision: 'implicitDeny',
  },
  {
    name: 'same account: a resource policy naming the account delegates to identity policies, which grant nothing here',
    policies: [policyOf('resource', [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'implicitDeny',
  },
  {
    name: 'same account: a resource policy naming the account, and an identity policy that allows',
    policies: [policyOf('resource', [{ Sid: 'Account', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*' }]), policyOf('identity', [{ Sid: 'Own', ...allowAll }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'allowed', deciding: ['Account', 'Own'],
  },
  {
    name: 'same account: a resource policy naming the role grants its session when nothing limits it',
    policies: [policyOf('resource', [{ Sid: 'Role', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/Dev' }, Action: 's3:GetObject', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: session }, decision: 'allowed', deciding: ['Role'],
  },
  {
    name: 'a public grant (Principal "*") needs no identity policy',
    policies: [policyOf('resource', [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject }, decision: 'allowed', deciding: ['Public'],
  },
  {
    name: 'a resource policy statement without Principal grants no one',
    policies: [policyOf('resource', [allowAll])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'implicitDeny',
  },
  {
    name: 'a resource policy naming another principal grants nothing',
    policies: [policyOf('resource', [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 's3:GetObject', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'implicitDeny',
  },
  {
    name: 'NotPrincipal with Deny denies everyone but the named',
    policies: [policyOf('identity', [allowAll]), policyOf('resource', [{ Sid: 'OnlyBob', Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 's3:*', Resource: '*' }])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user }, decision: 'explicitDeny', deciding: ['OnlyBob'],
  },
  {
    name: 'cross account: an identity policy alone is not enough',
    policies: [policyOf('identity', [allowAll])],
    request: { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:444455556666:queue', principal: user }, decision: 'implicitDeny',
  },
  {
    name: 'cross account: a resource policy alone is not enough',
    policies: [policyOf('resource', [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sqs:SendMessage', Resource: '*' }])],
    request: { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:444455556666:queue', principal: user }, decision: 'implicitDeny',
  },
  {
    name: 'cross account: both sides allow',
    policies: [policyOf('identity', [{ Sid: 'Send', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]), policyOf('resource', [{ Sid: 'Account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*', Resource: '*' }])],
    request: { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:444455556666:queue', principal: user }, decision: 'allowed', deciding: ['Account', 'Send'],
  },
  {
    name: 'cross account for an ARN without an account: aws:ResourceAccount says whose it is',
    policies: [policyOf('identity', [allowAll])],
    request: { action: 's3:GetObject', resource: bucketObject, principal: user, context: [['aws:ResourceAccount', '444455556666']] }, decision: 'implicitDeny',
  },
  {
    name: 'ARN wildcards stay inside their field',
    policies: [policyOf('identity', [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:*:111122223333:table/*' }])],
    request: { action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:444455556666:table/111122223333:table/x' }, decision: 'implicitDeny',
  },
];

describe('iam simulate: evaluation logic', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = ask(row.policies, row.request);
      assert.equal(result.decision, row.decision, result.reasons.join('; '));
      if (row.deciding) assert.deepEqual(result.deciding.map((d) => d.statement.sid).sort(), [...row.deciding].sort());
      if (row.decision === 'implicitDeny') assert.deepEqual(result.deciding, []);
    });
  }
});

describe('iam simulate: accounts', () => {
  it('says when the resource\'s account is unknown and judges it the caller\'s', () => {
    const result = ask([policyOf('identity', [allowAll])], { action: 's3:GetObject', resource: bucketObject, principal: user });
    assert.equal(result.decision, 'allowed');
    assert.equal(result.crossAccount, false);
    assert.match(result.reasons.join('\n'), /names no account \(give aws:ResourceAccount\)/);
  });
});
