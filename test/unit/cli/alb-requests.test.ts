import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const examples = join(__dirname, '..', '..', '..', '..', 'examples', 'alb');
const describeRules = join(examples, 'describe-rules.json');
const table = join(examples, 'describe-rules.requests.jsonl');
const folder = mkdtempSync(join(tmpdir(), 'lwb-alb-table-'));

function write(name: string, lines: readonly object[] | string): string {
  const file = join(folder, name);
  writeFileSync(file, typeof lines === 'string' ? lines : lines.map((l) => JSON.stringify(l)).join('\n'));
  return file;
}

describe('lambda-workbench alb --requests', () => {
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('routes the example table: one JSON line per request, every expectation met, exit 0', async () => {
    const { code, stdout, stderr } = await runCli('alb', describeRules, '--requests', table);
    assert.equal(code, 0, stderr);
    assert.deepEqual(
      stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown),
      [
        { line: 1, rule: 10, action: 'forward', targetGroups: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1'] },
        { line: 2, rule: 'default', action: 'fixed-response', status: 404 },
        { line: 3, rule: 20, action: 'redirect', status: 301, location: 'https://cdn.example.com:443/img/1.png' },
        { line: 4, rule: 'default', action: 'fixed-response', status: 404 },
      ],
    );
    assert.equal(stderr, '4 request(s) routed; every expectation met\n');
  });

  it('prints each mismatch and each unreadable line as FILE:LINE and exits 1', async () => {
    const file = write('failing.jsonl', [
      { method: 'GET', url: 'https://example.com/img/a.png', expect: { rule: 10, status: 302 } },
      { method: 'POST', url: 'https://example.com/api/x', expect: { targetGroup: 'web' } },
      { method: 'GET', url: 'https://example.com/', expect: { rule: 'default' } },
      { method: 'GET', url: 'ftp://example.com/' },
      { method: 'GET', url: 'https://example.com/', expect: { priority: 1 } },
    ]);
    const { code, stdout, stderr } = await runCli('alb', describeRules, '--requests', file);
    assert.equal(code, 1);
    assert.equal(stdout.trim().split('\n').length, 3);
    assert.equal(
      stderr,
      [
        `${file}:1: expected rule 10, got 20`,
        `${file}:1: expected status 302, got 301`,
        `${file}:2: expected target group "web", got "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1"`,
        `${file}:4: error: "ftp://example.com/" is not an http:// or https:// URL`,
        `${file}:5: error: unknown expectation "priority" (known: rule, action, status, location, targetGroup)`,
        '3 request(s) routed; 4 line(s) failed',
        '',
      ].join('\n'),
    );
  });

  it('adds every rule\'s verdict with --trace', async () => {
    const file = write('trace.jsonl', [{ method: 'GET', url: 'https://example.com/img/1.png', headers: ['X-A: 1'] }]);
    const { code, stdout } = await runCli('alb', describeRules, '--requests', file, '--trace');
    assert.equal(code, 0);
    const line = JSON.parse(stdout) as { trace: Array<{ rule: string; verdict: string; conditions: Array<{ reason: string }> }> };
    assert.deepEqual(line.trace.map((r) => [r.rule, r.verdict]), [['rule 10', 'not-matched'], ['rule 20', 'matched'], ['the default rule', 'matched']]);
    assert.equal(line.trace[1]?.conditions[0]?.reason, 'path "/img/1.png" matches "/img/*"');
  });

  it('refuses a request on the command line next to --requests, and a line that is not JSON', async () => {
    const usage = await runCli('alb', describeRules, 'GET', 'https://e.com/', '--requests', table);
    assert.equal(usage.code, 2);
    const json = await runCli('alb', describeRules, '--requests', table, '--json');
    assert.equal(json.code, 2);
    assert.match(json.stderr, /--json is for one request/);
    const file = write('broken.jsonl', '{"method": "GET", "url": "https://e.com/"}\n\n{"method": \n[1]\n');
    const { code, stderr } = await runCli('alb', describeRules, '--requests', file);
    assert.equal(code, 1);
    assert.match(stderr, /broken\.jsonl:3: error: not JSON: /);
    assert.match(stderr, /broken\.jsonl:4: error: a line is one JSON object/);
  });

  it('prints the listener\'s warnings before routing', async () => {
    const rules = write('shadowed.json', JSON.stringify({
      Rules: [
        { Priority: '1', Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:a' }], IsDefault: false },
        { Priority: '2', Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/v1/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:b' }], IsDefault: false },
      ],
    }, null, 1));
    const single = await runCli('alb', rules, 'GET', 'https://e.com/api/v1/x');
    assert.equal(single.code, 0);
    assert.match(single.stderr, /shadowed\.json:\d+:\d+: warning alb\.shadowed-rule: /);
    const batch = await runCli('alb', rules, '--requests', write('one.jsonl', [{ method: 'GET', url: 'https://e.com/api/v1/x', expect: { rule: 1 } }]));
    assert.equal(batch.code, 0);
    assert.match(batch.stderr, /warning alb\.shadowed-rule: /);
  });
});
