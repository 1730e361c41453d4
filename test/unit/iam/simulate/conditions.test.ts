import * as assert from 'node:assert/strict';
import { ask, policyOf } from './simulate-fixture';

const object = 'arn:aws:s3:::amzn-s3-demo-bucket/home/alice/notes.txt';

interface Row {
  readonly name: string;
  readonly condition: object;
  readonly context: ReadonlyArray<readonly [string, string]>;
  readonly matched: boolean;
  readonly resource?: string;
  /** Keys the answer lists as missing. */
  readonly missing?: readonly string[];
}

const rows: Row[] = [
  { name: 'StringEquals', condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, context: [['aws:PrincipalTag/team', 'blue']], matched: true },
  { name: 'StringEquals is case-sensitive in values', condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, context: [['aws:PrincipalTag/team', 'Blue']], matched: false },
  { name: 'keys compare without case', condition: { StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'blue' } }, context: [['aws:PrincipalTag/team', 'blue']], matched: true },
  { name: 'StringEqualsIgnoreCase', condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'blue' } }, context: [['aws:PrincipalTag/team', 'BLUE']], matched: true },
  { name: 'StringLike with wildcards', condition: { StringLike: { 's3:prefix': ['home/*', 'shared/?'] } }, context: [['s3:prefix', 'shared/a']], matched: true },
  { name: 'StringNotLike', condition: { StringNotLike: { 's3:prefix': 'home/*' } }, context: [['s3:prefix', 'home/x']], matched: false },
  { name: 'a missing key fails a positive operator', condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, context: [], matched: false, missing: ['aws:PrincipalTag/team'] },
  { name: 'a missing key satisfies a negated operator', condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } }, context: [], matched: true, missing: ['aws:PrincipalTag/team'] },
  { name: '…IfExists holds when the key is absent', condition: { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, context: [], matched: true },
  { name: '…IfExists compares when the key is there', condition: { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, context: [['ec2:InstanceType', 'm5.large']], matched: false },
  { name: 'NumericLessThan', condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, context: [['aws:MultiFactorAuthAge', '600']], matched: true },
  { name: 'NumericGreaterThanEquals on a non-number', condition: { NumericGreaterThanEquals: { 's3:max-keys': '10' } }, context: [['s3:max-keys', 'ten']], matched: false },
  { name: 'NumericNotEquals', condition: { NumericNotEquals: { 's3:max-keys': 10 } }, context: [['s3:max-keys', '10']], matched: false },
  { name: 'DateLessThan, ISO 8601', condition: { DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' } }, context: [['aws:CurrentTime', '2026-12-03T14:00:00Z']], matched: true },
  { name: 'DateGreaterThan, epoch seconds', condition: { DateGreaterThan: { 'aws:EpochTime': '1700000000' } }, context: [['aws:EpochTime', '2026-01-01T00:00:00Z']], matched: true },
  { name: 'Bool', condition: { Bool: { 'aws:SecureTransport': 'true' } }, context: [['aws:SecureTransport', 'TRUE']], matched: true },
  { name: 'Bool with a JSON boolean', condition: { Bool: { 'aws:SecureTransport': false } }, context: [['aws:SecureTransport', 'true']], matched: false },
  { name: 'BinaryEquals compares bytes', condition: { BinaryEquals: { 'aws:Key': 'QmluYXJ5' } }, context: [['aws:Key', 'QmluYXJ5']], matched: true },
  { name: 'IpAddress in a CIDR', condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '2001:db8::/32'] } }, context: [['aws:SourceIp', '192.0.2.17']], matched: true },
  { name: 'IpAddress IPv6', condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, context: [['aws:SourceIp', '2001:db8:1::5']], matched: true },
  { name: 'NotIpAddress', condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, context: [['aws:SourceIp', '198.51.100.1']], matched: true },
  { name: 'ArnLike per field', condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic-*' } }, context: [['aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:topic-a']], matched: true },
  { name: 'ArnLike: a star does not cross a field', condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } }, context: [['aws:SourceArn', 'arn:aws:sns:us-east-1:x:111122223333:topic']], matched: false },
  { name: 'ArnNotEquals', condition: { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:t' } }, context: [['aws:SourceArn', 'arn:aws:sns:us-east-1:111122223333:t']], matched: false },
  { name: 'Null true: the key must be absent', condition: { Null: { 'aws:TokenIssueTime': 'true' } }, context: [], matched: true },
  { name: 'Null false: the key must be present', condition: { Null: { 'aws:TokenIssueTime': 'false' } }, context: [], matched: false },
  { name: 'ForAllValues: every request value listed', condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }, context: [['aws:TagKeys', 'env'], ['aws:TagKeys', 'team']], matched: true },
  { name: 'ForAllValues: one value not listed', condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }, context: [['aws:TagKeys', 'env'], ['aws:TagKeys', 'cost']], matched: false },
  { name: 'ForAllValues holds for an absent key', condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'env' } }, context: [], matched: true },
  { name: 'ForAnyValue: one value listed', condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' } }, context: [['aws:TagKeys', 'cost'], ['aws:TagKeys', 'env']], matched: true },
  { name: 'ForAnyValue fails for an absent key', condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'env' } }, context: [], matched: false },
  { name: 'ForAllValues:StringNotLike: no value matches', condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'aws:*' } }, context: [['aws:TagKeys', 'env'], ['aws:TagKeys', 'aws:x']], matched: false },
  { name: 'ForAnyValue:StringNotEquals: some value differs', condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'env' } }, context: [['aws:TagKeys', 'env'], ['aws:TagKeys', 'x']], matched: true },
  { name: 'keys and operators are ANDed, values ORed', condition: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] }, Bool: { 'aws:SecureTransport': 'true' } }, context: [['aws:PrincipalTag/team', 'blue'], ['aws:SecureTransport', 'false']], matched: false },
  { name: 'a policy variable in a condition value', condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, context: [['aws:username', 'alice'], ['s3:prefix', 'home/alice/x']], matched: true },
  { name: 'a variable\'s value is literal, not a wildcard', condition: { StringLike: { 's3:prefix': 'home/${aws:username}' } }, context: [['aws:username', '*'], ['s3:prefix', 'home/alice']], matched: false },
  { name: '${*} is a literal star', condition: { StringLike: { 's3:prefix': 'a${*}b' } }, context: [['s3:prefix', 'a*b']], matched: true },
  { name: '${*} does not match as a wildcard', condition: { StringLike: { 's3:prefix': 'a${*}b' } }, context: [['s3:prefix', 'axb']], matched: false },
  { name: '${?} and ${$}', condition: { StringEquals: { 's3:prefix': '${?}${$}' } }, context: [['s3:prefix', '?$']], matched: true },
  { name: 'a default for a missing variable', condition: { StringEquals: { 's3:prefix': "${aws:PrincipalTag/dept, 'none'}" } }, context: [['s3:prefix', 'none']], matched: true },
  { name: 'a missing variable without default matches nothing', condition: { StringEquals: { 's3:prefix': '${aws:PrincipalTag/dept}' } }, context: [['s3:prefix', '']], matched: false, missing: ['aws:PrincipalTag/dept'] },
  { name: 'an unknown operator never holds', condition: { StringEqual: { 's3:prefix': 'a' } }, context: [['s3:prefix', 'a']], matched: false },
];

describe('iam simulate: condition operators', () => {
  for (const row of rows) {
    it(row.name, () => {
      const policy = policyOf('identity', [{ Sid: 'S', Effect: 'Allow', Action: 's3:*', Resource: row.resource ?? '*', Condition: row.condition }]);
      const result = ask([policy], { action: 's3:ListBucket', resource: object, context: row.context });
      assert.equal(result.decision, row.matched ? 'allowed' : 'implicitDeny', JSON.stringify(result.policies[0]?.statements[0]?.conditions.map((c) => [c.operator, c.key, c.matched, c.reason])));
      if (row.missing) assert.deepEqual(result.missingContextValues, row.missing);
    });
  }

  it('fills Resource variables from the principal: aws:username', () => {
    const policy = policyOf('identity', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*' }]);
    assert.equal(ask([policy], { action: 's3:GetObject', resource: object, principal: 'arn:aws:iam::111122223333:user/alice' }).decision, 'allowed');
    assert.equal(ask([policy], { action: 's3:GetObject', resource: object, principal: 'arn:aws:iam::111122223333:user/bob' }).decision, 'implicitDeny');
    const anonymous = ask([policy], { action: 's3:GetObject', resource: object });
    assert.equal(anonymous.decision, 'implicitDeny');
    assert.deepEqual(anonymous.missingContextValues, ['aws:username']);
  });

  it('traces each condition with the value it saw', () => {
    const policy = policyOf('identity', [{ Sid: 'Tls', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]);
    const [statement] = ask([policy], { action: 's3:GetObject', resource: object, context: [['aws:SecureTransport', 'true']] }).policies[0]?.statements ?? [];
    assert.deepEqual(statement?.conditions.map((c) => ({ key: c.key, seen: c.seen, matched: c.matched })), [
      { key: 'aws:SecureTransport', seen: ['true'], matched: true },
      { key: 'aws:SourceIp', seen: undefined, matched: false },
    ]);
    assert.match(statement?.conditions[0]?.reason ?? '', /saw "true"/);
    assert.equal(statement?.sid, 'Tls');
    assert.match(statement?.action.reason ?? '', /s3:GetObject matches "s3:\*"/);
  });
});

describe('iam simulate: templates', () => {
  it('says when a Resource holds an intrinsic function it could not compare', () => {
    const policy = policyOf('identity', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }] }]);
    const result = ask([policy], { action: 's3:GetObject', resource: object });
    assert.equal(result.decision, 'implicitDeny');
    assert.match(result.policies[0]?.statements[0]?.resource.reason ?? '', /1 value not text, such as an intrinsic function, not compared/);
  });
});

describe('iam simulate: malformed conditions', () => {
  for (const condition of [{ StringEquals: 'x' }, ['StringEquals'], 'Bool']) {
    it(`a Condition of ${JSON.stringify(condition)} never lets the statement apply`, () => {
      const policy = policyOf('identity', [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: condition }]);
      const result = ask([policy], { action: 's3:GetObject', resource: object });
      assert.equal(result.decision, 'implicitDeny');
      assert.equal(result.policies[0]?.statements[0]?.conditions[0]?.matched, false);
    });
  }
});
