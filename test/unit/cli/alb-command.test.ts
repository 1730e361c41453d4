import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';


const examples = join(__dirname, '..', '..', '..', '..', 'examples', 'alb');
const describeRules = join(examples, 'describe-rules.json');
const template = join(examples, 'listener-rules.cfn.json');
const folder = mkdtempSync(join(tmpdir(), 'lwb-alb-'));

describe('lambda-workbench alb', () => {
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints every rule with its conditions, the chosen one, and the redirect', async () => {
    const { code, stdout, stderr } = await runCli('alb', describeRules, 'GET', 'https://example.com/img/1.png', '-H', 'User-Agent: curl/8', '--source-ip', '203.0.113.7');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Request   GET https://example.com/img/1.png',
        '          User-Agent: curl/8',
        '          from 203.0.113.7',
        `Listener  the listener (${describeRules}:1:1)`,
        '',
        'Rules, in the order ALB evaluates them:',
        `  rule 10           no match   ${describeRules}:3:5`,
        '      path-pattern        no match  path "/img/1.png" matches none of "/api/*"',
        '      http-request-method no match  method GET is none of "POST" (methods are case-sensitive)',
        `  rule 20           MATCH      ${describeRules}:12:5   <- chosen`,
        '      path-pattern        match     path "/img/1.png" matches "/img/*"',
        `  the default rule  (match, not reached)  ${describeRules}:18:5`,
        '',
        'Outcome   redirect',
        'Response  HTTP 301 Moved Permanently',
        '          Location: https://cdn.example.com:443/img/1.png',
        '',
      ].join('\n'),
    );
  });

  it('shows weighted target groups, the one chosen, and the rewritten request, picking the listener by the URL', async () => {
    const { code, stdout } = await runCli('alb', template, 'GET', 'https://api.example.com/v1/users?id=7');
    assert.equal(code, 0);
    assert.match(stdout, /Listener {2}listener HttpsListener \(.*:\d+:\d+\) \(listener 2 of 2; choose with --listener\)/);
    assert.match(stdout, /rule ApiRule +MATCH .* <- chosen/);
    assert.match(stdout, /arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/api-blue\/6d0ecf831eec9f09 {2}weight 90, 90% of requests/);
    assert.match(stdout, /weight 10, 10% of requests/);
    assert.match(stdout, /the target receives Host api\.example\.com, \/users\?id=7/);
  });

  it('routes through the other listener when asked', async () => {
    const { stdout } = await runCli('alb', template, 'GET', 'https://api.example.com/', '--listener', '1');
    assert.match(stdout, /Location: https:\/\/api\.example\.com:443\//);
  });

  it('prints JSON with file:line:col locations', async () => {
    const { code, stdout } = await runCli('alb', describeRules, 'POST', 'https://example.com/api/orders', '--json');
    assert.equal(code, 0);
    const trace = JSON.parse(stdout) as { rules: Array<{ label: string; chosen: boolean; location: string }>; outcome: { kind: string; chosen: string } };
    assert.deepEqual(trace.rules.map((r) => [r.label, r.chosen]), [['rule 10', true], ['rule 20', false], ['the default rule', false]]);
    assert.equal(trace.rules[0]?.location, `${describeRules}:3:5`);
    assert.equal(trace.outcome.kind, 'forward');
    assert.equal(trace.outcome.chosen, 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1');
  });

  it('reports the errors AWS would refuse, located, and still routes; exit 1', async () => {
    const { code, stdout, stderr } = await runCli('alb', join(examples, 'create-rule-with-mistakes.json'), 'GET', 'https://shop.example.com:8443/');
    assert.equal(code, 1);
    assert.match(stderr, /create-rule-with-mistakes\.json:8:26: error alb\.host-header-value: Host values cannot carry a port/);
    assert.match(stdout, /Outcome {3}none: no rule matched/);
  });

  it('says when a file holds no listener rules', async () => {
    const policy = join(folder, 'policy.json');
    writeFileSync(policy, '{"Version": "2012-10-17", "Statement": []}');
    const { code, stderr } = await runCli('alb', policy, 'GET', 'https://e.com/');
    assert.equal(code, 1);
    assert.match(stderr, /policy\.json:1:1: error alb: this document holds no ALB listener rules/);
  });

  it('exits 2 for bad usage and unreadable files', async () => {
    for (const argv of [
      ['alb', describeRules, 'GET'],
      ['alb', describeRules, 'GET', 'ftp://e.com/'],
      ['alb', describeRules, 'GET', 'https://e.com/', '-H', 'no colon'],
      ['alb', describeRules, 'GET', 'https://e.com/', '--source-ip', '999.1.1.1'],
      ['alb', describeRules, 'GET', 'https://e.com/', '--host-port', 'maybe'],
      ['alb', describeRules, 'GET', 'https://e.com/', '--listener', '0'],
      ['alb', describeRules, 'GET', 'https://e.com/', 'extra'],
    ]) {
      const { code, stderr } = await runCli(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /^lambda-workbench alb: .+\nUsage: lambda-workbench alb /, argv.join(' '));
    }
    const missing = await runCli('alb', join(folder, 'missing.json'), 'GET', 'https://e.com/');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.json: no such file or directory/);
  });

  it('is listed in the help', async () => {
    const { stdout } = await runCli('--help');
    assert.match(stdout, /alb +Route a request through ALB listener rules/);
  });
});
