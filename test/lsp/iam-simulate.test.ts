import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  iamRequestCompletionRequest,
  iamSimulateRequest,
  iamStatementsRequest,
  type IamRequestCompletionResult,
  type IamSimulateParams,
  type IamSimulateResult,
  type IamStatementsResult,
} from '../../server/src/lsp/protocol';
import { serverPerTest } from './lsp-client';

const examples = join(__dirname, '..', '..', '..', 'examples', 'iam');
const reports = readFileSync(join(examples, 'reports-reader.json'), 'utf8');
const scp = readFileSync(join(examples, 'deny-regions.scp.json'), 'utf8');
const alice = 'arn:aws:iam::111122223333:user/alice';

function answered(result: IamSimulateResult): Exclude<IamSimulateResult, { problems: unknown }> {
  assert.ok(!('problems' in result), JSON.stringify(result));
  return result;
}

describe('language server: IAM simulation', () => {
  const server = serverPerTest();

  it('lists the statements of an open policy as typed, for the lenses', async () => {
    const uri = 'file:///reports-reader.json';
    await server().open(uri, reports);
    const first = await server().request<IamStatementsResult>(iamStatementsRequest, { uri });
    assert.equal(first.version, 1);
    assert.deepEqual(first.statements.map((s) => [s.sid, s.action, s.resource, reports.slice(s.offset, s.offset + 1)]), [
      ['ReadReportsFromTheOffice', 's3:GetObject', 'arn:aws:s3:::example-reports/${aws:username}/example', '{'],
      ['ListOwnFolder', 's3:ListBucket', 'arn:aws:s3:::example-reports', '{'],
      ['NeverDelete', undefined, '*', '{'],
    ]);
    const edited = reports.replace(/,\s*\{\s*"Sid": "NeverDelete"[\s\S]*?\n {4}\}/, '');
    await server().change(uri, edited, 2);
    const second = await server().request<IamStatementsResult>(iamStatementsRequest, { uri });
    assert.deepEqual([second.version, second.statements.length], [2, 2]);
    assert.deepEqual(await server().request(iamStatementsRequest, { uri: 'file:///not-open.json' }), { version: -1, statements: [] });
  });

  it('decides a request against the policies sent, with each statement\'s verdict and its range', async () => {
    const params: IamSimulateParams = {
      files: [{ uri: 'file:///reports-reader.json', text: reports, format: 'json' }],
      request: { action: 's3:GetObject', resource: 'arn:aws:s3:::example-reports/alice/q3.csv', principal: alice, context: [['aws:SourceIp', '198.51.100.1']] },
    };
    const denied = answered(await server().request<IamSimulateResult>(iamSimulateRequest, params));
    assert.equal(denied.decision, 'implicitDeny');
    const [policy] = denied.policies;
    assert.equal(policy?.role, 'identity');
    const read = policy?.statements[0];
    assert.ok(read);
    assert.equal(reports.slice(read.range.offset, read.range.offset + 41), '{\n      "Sid": "ReadReportsFromTheOffice"');
    assert.deepEqual(read.conditions.map((c) => [c.key, c.seen, c.matched, reports.slice(c.range.offset, c.range.offset + c.range.length)]), [['aws:SourceIp', ['198.51.100.1'], false, '"aws:SourceIp"']]);

    const inOffice = { ...params.request, context: [['aws:SourceIp', '192.0.2.9'], ['aws:RequestedRegion', 'eu-west-1']] as const };
    // An SCP that only denies allows nothing: the organization's FullAWSAccess is an SCP too.
    const denyOnly = answered(await server().request<IamSimulateResult>(iamSimulateRequest, { files: [...params.files, { uri: 'file:///org.json', text: scp, format: 'json', role: 'scp' }], request: inOffice }));
    assert.deepEqual([denyOnly.decision, denyOnly.reasons], ['implicitDeny', ['the SCP file:///org.json allows nothing that applies']]);
    const withFullAccess = JSON.parse(scp) as { Statement: unknown[] };
    withFullAccess.Statement.push({ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' });
    const withScp: IamSimulateParams = { files: [...params.files, { uri: 'file:///org.json', text: JSON.stringify(withFullAccess), format: 'json', role: 'scp' }], request: inOffice };
    const allowed = answered(await server().request<IamSimulateResult>(iamSimulateRequest, withScp));
    assert.equal(allowed.decision, 'allowed');
    assert.deepEqual(allowed.policies.map((p) => [p.uri, p.role, p.statements.filter((s) => s.deciding).map((s) => s.sid)]), [
      ['file:///reports-reader.json', 'identity', ['ReadReportsFromTheOffice']],
      ['file:///org.json', 'scp', []],
    ]);
    assert.deepEqual(allowed.missingContextValues, []);
    assert.deepEqual(allowed.notes, []);
    const misspelt = answered(await server().request<IamSimulateResult>(iamSimulateRequest, { ...withScp, request: { ...inOffice, action: 's3:GetObjet' } }));
    assert.deepEqual([misspelt.decision, misspelt.notes.map((n) => n.split(';')[0])], ['implicitDeny', ['Amazon S3 has no action "GetObjet"']]);
  });

  it('takes a file\'s own policy type as its role, and says which files hold no policy', async () => {
    const trust = readFileSync(join(examples, 'github-deploy.trust.json'), 'utf8');
    const result = answered(await server().request<IamSimulateResult>(iamSimulateRequest, { files: [{ uri: 'file:///github-deploy.trust.json', text: trust, format: 'json' }], request: { action: 'sts:AssumeRole', resource: '*', context: [] } }));
    assert.equal(result.policies[0]?.role, 'resource');
    const problems = await server().request<IamSimulateResult>(iamSimulateRequest, {
      files: [{ uri: 'file:///a.json', text: '{"name": "x"}', format: 'json' }, { uri: 'file:///b.yaml', text: 'Version: [', format: 'yaml' }],
      request: { action: 's3:GetObject', resource: '*', context: [] },
    });
    assert.ok('problems' in problems);
    assert.deepEqual(problems.problems.map((p) => p.uri), ['file:///a.json', 'file:///b.yaml']);
    assert.match(problems.problems[1]?.message ?? '', /^line 1: .*the policy cannot be read$/);
  });

  it('completes actions and context keys from the reference data', async () => {
    const actions = await server().request<IamRequestCompletionResult>(iamRequestCompletionRequest, { word: 'action', typed: 'sqs:SendMess' });
    assert.deepEqual(actions.proposals.map((p) => p.text), ['sqs:SendMessage'], 'SendMessageBatch is no privilege: SendMessage authorizes it');
    const keys = await server().request<IamRequestCompletionResult>(iamRequestCompletionRequest, { word: 'contextKey', typed: 'aws:PrincipalOrgI', action: 's3:GetObject' });
    assert.deepEqual(keys.proposals.map((p) => p.text), ['aws:PrincipalOrgID']);
  });
});
