import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliScript, repoRoot } from './harness';

/** `invoke FUNCTION --template FILE`, as `sam local invoke FUNCTION` without Docker: real processes, the template's settings. */
const folder = join(repoRoot, 'test/fixtures/runtime/template');
const template = join(folder, 'template.yaml');

function invoke(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliScript, 'invoke', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
}

describe('runtime: invoke a function of a template', function () {
  this.timeout(60_000);
  const scratch = mkdtempSync(join(tmpdir(), 'lwb-template-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs a SAM function by its logical id with its Handler, CodeUri, MemorySize, Timeout and Environment (Globals merged)', () => {
    const result = invoke(repoRoot, 'EnvFunction', '--template', template);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      env: { STAGE: 'dev', SHARED: 'own', GREETING: 'hello from us-east-1 in dev' },
      memory: '256',
      remainingUnder: true,
      functionName: 'EnvFunction',
    });
  });

  it('takes --parameter-overrides and --region as SAM CLI spells them', () => {
    const result = invoke(repoRoot, 'EnvFunction', '--template', template, '--parameter-overrides', 'Stage=prod', '--region', 'eu-west-1');
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { env: { GREETING: string } }).env.GREETING, 'hello from eu-west-1 in prod');
  });

  it('finds template.yaml in the current folder when FUNCTION is no handler string', () => {
    const result = invoke(folder, 'EnvFunction');
    assert.equal(result.status, 0, result.stderr);
  });

  it('names a variable the template cannot resolve locally, with where, and takes it from --env-vars', () => {
    const refused = invoke(repoRoot, 'TableFunction', '--template', template);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, new RegExp(`${template.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:36:23: environment variable TABLE: Table is a resource of the stack: its name or id exists only once deployed: give TABLE with --env-vars or --env TABLE=VALUE`));
    const envVars = join(scratch, 'env.json');
    writeFileSync(envVars, JSON.stringify({ Parameters: { SHARED: 'from parameters' }, TableFunction: { TABLE: 'local-table' } }));
    const result = invoke(repoRoot, 'TableFunction', '--template', template, '--env-vars', envVars);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual((JSON.parse(result.stdout) as { env: Record<string, string> }).env, { STAGE: 'dev', SHARED: 'from parameters', TABLE: 'local-table' });
    // SAM CLI's short options, as its users type them.
    const short = invoke(repoRoot, 'TableFunction', '-t', template, '-n', envVars);
    assert.equal(short.status, 0, short.stderr);
    assert.equal(short.stdout, result.stdout);
  });

  it('runs a Python function of a template with a local interpreter, warning when its version differs', () => {
    const result = invoke(repoRoot, 'PythonFunction', '--template', template);
    assert.equal(result.status, 0, result.stderr);
    const body = JSON.parse(result.stdout) as { runtime: string; name: string };
    assert.equal(body.name, 'PythonFunction');
    assert.match(body.runtime, /^AWS_Lambda_python3\.\d+$/);
  });

  it('puts local layers where Lambda mounts them (Node.js and Python), and warns of the ones not on this machine', () => {
    const event = join(scratch, 'ada.json');
    writeFileSync(event, '{"name": "Ada"}');
    const node = invoke(repoRoot, 'LayeredFunction', '--template', template, '--event', event);
    assert.equal(node.status, 0, node.stderr);
    assert.equal(JSON.parse(node.stdout), 'hello Ada, from a layer');
    assert.match(node.stderr, /warning: \S+template\.yaml:\d+:3: layer arn:aws:lambda:us-east-1:123456789012:layer:elsewhere:1 is not on this machine/);
    const python = invoke(repoRoot, 'LayeredPythonFunction', '--template', template, '--event', event);
    assert.equal(python.status, 0, python.stderr);
    assert.equal(JSON.parse(python.stdout), 'hello Ada, from a layer');
  });

  it('says which functions there are when FUNCTION is none of them', () => {
    const result = invoke(repoRoot, 'Nope', '--template', template);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no function "Nope" \(the functions are EnvFunction, TableFunction, PythonFunction, LayeredFunction, LayeredPythonFunction\)/);
  });

  it('runs a function of a serverless.yml by its name', () => {
    const event = join(scratch, 'upload.json');
    writeFileSync(event, JSON.stringify({ Records: [{ s3: { object: { key: 'a.png', size: 10 } } }] }));
    const result = invoke(join(repoRoot, 'examples/serverless'), 'resize', '--event', event);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [{ key: 'a.png', size: 10 }]);
    assert.match(result.stderr, /Memory Size: 1024 MB/, 'the framework\'s default memory size');
  });
});
