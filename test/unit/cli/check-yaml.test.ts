import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const examples = join(__dirname, '..', '..', '..', '..', 'examples');

describe('lambda-workbench check and alb on YAML templates', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lwb-yaml-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports a SAM template\'s findings as file:line:col, and exits 1', async () => {
    const template = join(examples, 'sam', 'template.yaml');
    const { code, stdout } = await runCli('check', template);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.includes(`${template}:36:36: error INVALID_ACTION: Amazon S3 has no action "PutObjectt". Did you mean "s3:PutObject"?`), stdout);
    assert.ok(lines.some((l) => l.startsWith(`${template}:93:34: error edge.function-version: `)), stdout);
  });

  it('walks folders for template.yaml, *.template.yml and serverless.yml, not for other YAML', async () => {
    const nested = join(folder, 'walk', 'app');
    mkdirSync(nested, { recursive: true });
    const bad = 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\n';
    for (const name of ['template.yaml', 'api.template.yml', 'workflow.yaml']) writeFileSync(join(nested, name), bad);
    writeFileSync(join(nested, 'serverless.yml'), 'service: s\nprovider:\n  name: aws\n  iamRoleStatements:\n    - {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\n');
    const { code, stdout } = await runCli('check', join(folder, 'walk'));
    assert.equal(code, 1);
    const files = stdout.trim().split('\n').map((line) => line.slice(0, line.search(/:\d+:\d+:/)));
    assert.deepEqual(files, ['api.template.yml', 'serverless.yml', 'template.yaml'].map((name) => join(nested, name)));
  });

  it('writes SARIF for a YAML file with its regions', async () => {
    const path = join(folder, 'policy.yaml');
    writeFileSync(path, 'Version: "2012-10-17"\nStatement:\n  - Effect: Alow\n    Action: s3:GetObject\n    Resource: "*"\n');
    const { code, stdout } = await runCli('check', '--format', 'sarif', path);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }> };
    const [result] = sarif.runs[0]?.results ?? [];
    assert.equal(result?.ruleId, 'INVALID_EFFECT');
    assert.deepEqual(result?.locations[0]?.physicalLocation.region, { startLine: 3, startColumn: 13, endLine: 3, endColumn: 17 });
  });

  it('reports a YAML syntax error as file:line:col', async () => {
    const path = join(folder, 'broken.template.yaml');
    writeFileSync(path, 'Resources:\n  T:\n\tType: AWS::SNS::Topic\n');
    const { code, stdout } = await runCli('check', path);
    assert.equal(code, 1);
    assert.equal(stdout, `${path}:3:1: error yaml.syntax: Tabs are not allowed as indentation.\n`);
  });

  it('routes a request through listener rules kept in a YAML template', async () => {
    const path = join(folder, 'alb.template.yaml');
    writeFileSync(path, 'Resources:\n  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Port: 80\n      Protocol: HTTP\n      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "404"}}]\n  Api:\n    Type: AWS::ElasticLoadBalancingV2::ListenerRule\n    Properties:\n      ListenerArn: !Ref Listener\n      Priority: 10\n      Conditions: [{Field: path-pattern, PathPatternConfig: {Values: ["/api/*"]}}]\n      Actions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: "200"}}]\n');
    const { code, stdout, stderr } = await runCli('alb', path, 'GET', 'http://example.com/api/x');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.ok(stdout.includes(`  rule Api          MATCH      ${path}:9:5   <- chosen\n`), stdout);
    assert.match(stdout, /Response  HTTP 200 OK/);
  });
});
