import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const folder = mkdtempSync(join(tmpdir(), 'lwb-iam-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

const identity = file('identity.json', `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
      "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}
    },
    {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}
  ]
}
`);
const bucketPolicy = file('bucket-policy.yaml', `Version: '2012-10-17'
Statement:
  - Sid: Alice
    Effect: Allow
    Principal:
      AWS: arn:aws:iam::111122223333:user/alice
    Action: s3:PutObject
    Resource: arn:aws:s3:::amzn-s3-demo-bucket/*
`);
const boundary = file('boundary.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}');
const object = 'arn:aws:s3:::amzn-s3-demo-bucket/report.csv';
const alice = 'arn:aws:iam::111122223333:user/alice';
const request = (action: string, ...rest: string[]) => ['iam', 'simulate', '--action', action, '--resource', object, ...rest];

describe('lambda-workbench iam simulate', () => {
  it('prints the decision, the deciding statement as file:line:col and Sid, and every statement\'s reasons', async () => {
    const { code, stdout, stderr } = await runCli(...request('s3:GetObject', '--policy', identity, '--context', 'aws:SourceIp=192.0.2.9'));
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, [
      `Request   s3:GetObject on ${object}`,
      '          aws:SourceIp = 192.0.2.9',
      'Decision  allowed',
      '          an identity policy allows',
      `Deciding  Allow Sid "Read"  ${identity}:4:5  (identity policy)`,
      '',
      `identity policy ${identity}`,
      `  ✓ applies  Allow Sid "Read"  ${identity}:4:5`,
      '      action     ✓ s3:GetObject matches "s3:Get*"',
      `      resource   ✓ ${object} matches "arn:aws:s3:::amzn-s3-demo-bucket/*"`,
      '      condition  ✓ IpAddress aws:SourceIp ["192.0.2.0/24"]: saw "192.0.2.9"',
      `  ✗ does not apply  Deny Sid "NoDelete"  ${identity}:8:5`,
      '      action     ✗ s3:GetObject matches none of Action',
      '',
    ].join('\n'));
  });

  it('lists the context keys the request lacks, as MissingContextValues', async () => {
    const { code, stdout } = await runCli(...request('s3:GetObject', '--policy', identity, '--json'));
    assert.equal(code, 0);
    const answer = JSON.parse(stdout) as { request: unknown; decision: string; missingContextValues: string[]; deciding: unknown[] };
    assert.deepEqual(answer.request, { action: 's3:GetObject', resource: object, principal: null, context: [] });
    assert.equal(answer.decision, 'implicitDeny');
    assert.deepEqual(answer.missingContextValues, ['aws:SourceIp']);
    assert.deepEqual(answer.deciding, []);
  });

  it('notes a misspelt action or context key above the decision, and in the JSON', async () => {
    const text = await runCli(...request('s3:GetObjet', '--policy', identity, '--context', 'aws:SorceIp=192.0.2.9'));
    assert.equal(text.code, 0, 'a note is no failure: the request is decided as written');
    assert.match(text.stdout, /^Request   s3:GetObjet on .*\n {10}aws:SorceIp = 192\.0\.2\.9\nNote      Amazon S3 has no action "GetObjet"; did you mean s3:GetObject\? .*\nNote      "aws:SorceIp" is not a global condition key; did you mean aws:SourceIp\? .*\nDecision  implicitDeny\n/);
    const json = JSON.parse((await runCli(...request('s3:GetObjet', '--policy', identity, '--json'))).stdout) as { notes: string[] };
    assert.deepEqual(json.notes.map((n) => n.split(';')[0]), ['Amazon S3 has no action "GetObjet"']);
    const clean = JSON.parse((await runCli(...request('s3:GetObject', '--policy', identity, '--json'))).stdout) as { notes: string[] };
    assert.deepEqual(clean.notes, []);
  });

  it('decides a table of requests (--requests FILE.jsonl): a JSON line each, misses, bad lines and notes as FILE:LINE', async () => {
    const table = file('requests.jsonl', [
      '{"action": "s3:GetObject", "resource": "arn:aws:s3:::amzn-s3-demo-bucket/report.csv", "context": {"aws:SourceIp": "192.0.2.9"}, "expect": "allowed"}',
      '{"action": "s3:DeleteObject", "resource": "arn:aws:s3:::amzn-s3-demo-bucket/report.csv", "expect": "explicitDeny"}',
      '',
      '{"action": "s3:GetObject", "resource": "arn:aws:s3:::amzn-s3-demo-bucket/report.csv", "expect": "allowed"}',
      '{"action": "s3:GetObjet", "resource": "*", "expect": "implicitDeny"}',
      '{"action": "s3:*", "resource": "*"}',
    ].join('\n'));
    const { code, stdout, stderr } = await runCli('iam', 'simulate', '--policy', identity, '--requests', table);
    assert.equal(code, 1);
    const answers = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; decision: string; deciding: Array<{ location: string; sid: string }>; missingContextValues: string[] });
    assert.deepEqual(answers.map((a) => [a.line, a.decision, a.deciding.map((d) => d.sid)]), [
      [1, 'allowed', ['Read']],
      [2, 'explicitDeny', ['NoDelete']],
      [4, 'implicitDeny', []],
      [5, 'implicitDeny', []],
    ]);
    assert.deepEqual(answers[0]?.deciding[0]?.location, `${identity}:4:5`);
    assert.deepEqual(answers[2]?.missingContextValues, ['aws:SourceIp']);
    assert.deepEqual(stderr.split('\n').map((l) => l.replace(table, 'T').replace(/ Decided as written.*$/, '')), [
      'T:4: expected allowed, decided implicitDeny (no identity or resource policy allows)',
      'T:5: note: Amazon S3 has no action "GetObjet"; did you mean s3:GetObject?',
      'T:6: error: "action" is one privilege as SERVICE:ACTION, without wildcards (got "s3:*")',
      '4 request(s) decided; 2 line(s) failed',
      '',
    ]);
    const met = file('met.jsonl', '{"action": "s3:DeleteObject", "resource": "*", "expect": "explicitDeny"}\n');
    const ok = await runCli('iam', 'simulate', '--policy', identity, '--requests', met);
    assert.deepEqual([ok.code, ok.stderr], [0, '1 request(s) decided; every expectation met\n']);
    // The example the docs show meets every expectation.
    const examples = join(__dirname, '..', '..', '..', '..', 'examples', 'iam');
    const example = await runCli('iam', 'simulate', '--policy', join(examples, 'reports-reader.json'), '--requests', join(examples, 'reports-reader.requests.jsonl'));
    assert.deepEqual([example.code, example.stderr], [0, '5 request(s) decided; every expectation met\n']);
    const mixed = await runCli('iam', 'simulate', '--policy', identity, '--requests', met, '--action', 's3:GetObject');
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--action is for one request; with --requests, each line carries its own/);
  });

  it('reads a YAML resource policy and the deny of an identity policy wins over it', async () => {
    const granted = await runCli(...request('s3:PutObject', '--resource-policy', bucketPolicy, '--principal', alice, '--boundary', boundary, '--json'));
    assert.equal(granted.code, 0);
    const answer = JSON.parse(granted.stdout) as { decision: string; deciding: Array<{ location: string; sid: string; role: string }> };
    assert.equal(answer.decision, 'allowed');
    assert.deepEqual(answer.deciding, [{ location: `${bucketPolicy}:3:5`, sid: 'Alice', effect: 'Allow', role: 'resource' }]);
    const denied = await runCli(...request('s3:DeleteObject', '--resource-policy', bucketPolicy, '--policy', identity, '--principal', alice, '--json'));
    assert.equal((JSON.parse(denied.stdout) as { decision: string }).decision, 'explicitDeny');
  });

  it('reads every policy of a SAM template, located in the template', async () => {
    const template = file('template.yaml', `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        - Version: '2012-10-17'
          Statement:
            - Sid: Queue
              Effect: Allow
              Action: sqs:SendMessage
              Resource: arn:aws:sqs:us-east-1:111122223333:jobs
`);
    const { code, stdout } = await runCli('iam', 'simulate', '--policy', template, '--action', 'sqs:SendMessage', '--resource', 'arn:aws:sqs:us-east-1:111122223333:jobs', '--json');
    assert.equal(code, 0);
    const answer = JSON.parse(stdout) as { decision: string; deciding: Array<{ location: string; sid: string }> };
    assert.equal(answer.decision, 'allowed');
    assert.deepEqual(answer.deciding.map((d) => [d.location, d.sid]), [[`${template}:11:15`, 'Queue']]);
  });

  it('says why a statement with an Effect IAM does not know never applies', async () => {
    const lower = file('lower-effect.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:*", "Resource": "*"}]}');
    const { code, stdout } = await runCli(...request('s3:GetObject', '--policy', lower));
    assert.equal(code, 0);
    assert.match(stdout, /^Decision {2}implicitDeny$/m);
    assert.match(stdout, /✗ does not apply {2}Effect "allow", neither Allow nor Deny,/);
  });

  it('--expect exits 1 on a mismatch and 0 on a match', async () => {
    const miss = await runCli(...request('s3:DeleteObject', '--policy', identity, '--expect', 'allowed'));
    assert.equal(miss.code, 1);
    assert.match(miss.stderr, /expected allowed, decided explicitDeny/);
    const hit = await runCli(...request('s3:DeleteObject', '--policy', identity, '--expect', 'explicitDeny'));
    assert.equal(hit.code, 0);
  });

  const broken = file('broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow" "Action": "*"} ]\n}\n');
  const notPolicy = file('not-policy.json', '{"hello": "world"}');
  const usageRows: Array<{ name: string; argv: string[]; stderr: RegExp }> = [
    { name: 'no subcommand', argv: ['iam'], stderr: /iam needs a subcommand: simulate/ },
    { name: 'no action', argv: ['iam', 'simulate', '--policy', identity, '--resource', object], stderr: /needs --action/ },
    { name: 'a wildcard action', argv: request('s3:Get*', '--policy', identity), stderr: /without wildcards/ },
    { name: 'no policy', argv: request('s3:GetObject'), stderr: /at least one policy/ },
    { name: 'a context without =', argv: request('s3:GetObject', '--policy', identity, '--context', 'aws:SourceIp'), stderr: /--context takes KEY=VALUE/ },
    { name: 'an unknown decision', argv: request('s3:GetObject', '--policy', identity, '--expect', 'deny'), stderr: /--expect takes allowed, explicitDeny, implicitDeny/ },
    { name: 'two boundaries', argv: request('s3:GetObject', '--boundary', boundary, '--boundary', boundary), stderr: /--boundary takes one file/ },
    { name: 'a missing file', argv: request('s3:GetObject', '--policy', join(folder, 'absent.json')), stderr: /absent\.json: / },
    { name: 'broken JSON, located', argv: request('s3:GetObject', '--policy', broken), stderr: new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:37: error syntax`) },
    { name: 'not a policy', argv: request('s3:GetObject', '--policy', notPolicy), stderr: /not-policy\.json:1:1: error iam: this document holds no IAM policy/ },
  ];
  for (const row of usageRows) {
    it(`exits 2 for ${row.name}`, async () => {
      const { code, stderr, stdout } = await runCli(...row.argv);
      assert.equal(code, 2, stderr);
      assert.match(stderr, row.stderr);
      assert.equal(stdout, '');
    });
  }
});
