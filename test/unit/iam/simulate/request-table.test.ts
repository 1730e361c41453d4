import assert from 'node:assert/strict';
import { readRequestTable, type RequestTableLine } from '../../../../server/src/iam/simulate/request-table';

const alice = 'arn:aws:iam::111122223333:user/alice';

describe('iam simulate: a table of requests (JSON lines)', () => {
  const rows: ReadonlyArray<readonly [string, string, RequestTableLine]> = [
    ['a whole request', `{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "principal": "${alice}", "context": {"aws:SourceIp": "192.0.2.1"}, "expect": "allowed"}`,
      { kind: 'request', line: 1, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice, context: [['aws:SourceIp', '192.0.2.1']] }, expect: 'allowed' }],
    ['no expectation, a multi-valued key', '{"action": "iam:TagRole", "resource": "*", "context": {"aws:TagKeys": ["team", "env"]}}',
      { kind: 'request', line: 1, request: { action: 'iam:TagRole', resource: '*', principal: undefined, context: [['aws:TagKeys', 'team'], ['aws:TagKeys', 'env']] } }],
    ['not JSON', '{"action": ', { kind: 'problem', line: 1, message: 'not JSON: Unexpected end of JSON input' }],
    ['not an object', '["s3:GetObject"]', { kind: 'problem', line: 1, message: 'a line is one JSON object: {"action": "s3:GetObject", "resource": "arn:…", "expect": "allowed"}' }],
    ['an unknown key', '{"action": "s3:GetObject", "resource": "*", "expected": "allowed"}', { kind: 'problem', line: 1, message: 'unknown key "expected" (known: action, resource, principal, context, expect)' }],
    ['no resource', '{"action": "s3:GetObject"}', { kind: 'problem', line: 1, message: '"action" and "resource" are required strings' }],
    ['a wildcard action', '{"action": "s3:Get*", "resource": "*"}', { kind: 'problem', line: 1, message: '"action" is one privilege as SERVICE:ACTION, without wildcards (got "s3:Get*")' }],
    ['a principal that is no string', '{"action": "s3:GetObject", "resource": "*", "principal": 1}', { kind: 'problem', line: 1, message: '"principal" is a string (an ARN or a service principal)' }],
    ['a context value that is no string', '{"action": "s3:GetObject", "resource": "*", "context": {"aws:SourceIp": 1}}', { kind: 'problem', line: 1, message: 'context key "aws:SourceIp" takes a string or a list of strings' }],
    ['a context that is a list', '{"action": "s3:GetObject", "resource": "*", "context": []}', { kind: 'problem', line: 1, message: '"context" is an object: {"aws:SourceIp": "192.0.2.1"}' }],
    ['an expectation that is no decision', '{"action": "s3:GetObject", "resource": "*", "expect": "denied"}', { kind: 'problem', line: 1, message: '"expect" is one of allowed, explicitDeny, implicitDeny (got "denied")' }],
  ];
  for (const [name, line, expected] of rows) it(name, () => assert.deepEqual(readRequestTable(line), [expected]));

  it('numbers lines as the file does, skipping blank ones, with Windows line ends', () => {
    const lines = readRequestTable('{"action": "s3:GetObject", "resource": "*"}\r\n\r\n   \r\n{"action": "s3:PutObject", "resource": "*"}\r\n');
    assert.deepEqual(lines.map((l) => l.line), [1, 4]);
  });
});
