import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliScript, handlersRoot, isAlive, runCli as cli, waitFor } from './harness';

describe('CLI: invoke and serve (real processes)', function () {
  this.timeout(20_000);

  it('invoke prints the result on stdout, the log on stderr, and exits 0', async () => {
    const run = await cli(['invoke', 'cjs.handler', '--event', 'events/hello.json', '--env', 'GREETING=hey', '--memory', '256', '--timeout', '5']);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { event: unknown; context: { memoryLimitInMB: string }; env: { greeting: string } };
    assert.deepEqual(result.event, { name: 'Ada' });
    assert.equal(result.context.memoryLimitInMB, '256');
    assert.equal(result.env.greeting, 'hey');
    assert.match(run.stderr, /^START RequestId: \S+ Version: \$LATEST\n.*\tINFO\tevent received \{"name":"Ada"\}\nEND RequestId: \S+\nREPORT RequestId: .*Memory Size: 256 MB/);
  });

  it('invoke shows a multi-line log record as lines in a terminal, and as Lambda writes it (one line, \\r inside) elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-workbench-tty-'));
    try {
      writeFileSync(join(dir, 'multi.js'), 'exports.handler = async () => { console.log("line one\\nline two"); return 1; };\n');
      const args = [cliScript, 'invoke', 'multi.handler', '--root', dir];
      // util-linux's script runs the CLI on a real pseudo-terminal (which itself turns \n into \r\n).
      const terminal = spawn('script', ['-qfec', [process.execPath, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let shown = '';
      terminal.stdout.setEncoding('utf8').on('data', (t: string) => (shown += t));
      const [code] = (await once(terminal, 'close')) as [number | null];
      assert.equal(code, 0, shown);
      assert.match(shown, /\tINFO\tline one\r\nline two\r\n/);
      const piped = await cli(args.slice(1));
      assert.match(piped.stderr, /\tINFO\tline one\rline two\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('invoke takes the event with -e, as SAM CLI does', async () => {
    const run = await cli(['invoke', 'cjs.handler', '-e', 'events/hello.json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { event: unknown }).event, { name: 'Ada' });
  });

  it('invoke takes variables from --env-file over lambda-workbench.json\'s, and --env over both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lambda-workbench-env-'));
    const file = join(dir, '.env');
    try {
      writeFileSync(file, '# local values\nGREETING="from the env file"\nexport STAGE=dev\n');
      const run = await cli(['invoke', 'cjs.handler', '--event', 'events/hello.json', '--env-file', file, '--env', 'STAGE=cli']);
      assert.equal(run.code, 0, run.stderr);
      const { env } = JSON.parse(run.stdout) as { env: { greeting: string; stage: string } };
      assert.deepEqual([env.greeting, env.stage], ['from the env file', 'cli']);

      writeFileSync(file, 'GREETING=ok\nnot a variable\n');
      const bad = await cli(['invoke', 'cjs.handler', '--env-file', file]);
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr.split('\n')[0], `lambda-workbench invoke: ${file}:2:1: expected KEY=value`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("invoke runs as the tenant of --tenant-id, else of the handler's tenantId in lambda-workbench.json", async () => {
    const fromSettings = await cli(['invoke', 'tenant.handler']);
    assert.equal(fromSettings.code, 0, fromSettings.stderr);
    assert.equal((JSON.parse(fromSettings.stdout) as { tenantId: string }).tenantId, 'green');
    const given = await cli(['invoke', 'tenant.handler', '--tenant-id', 'blue']);
    assert.equal((JSON.parse(given.stdout) as { tenantId: string }).tenantId, 'blue');
  });

  it('invoke reads the event from standard input with --event -', async () => {
    const run = await cli(['invoke', 'esm-package/typed.handler', '--event', '-'], '{"name":"stdin"}');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { message: 'HELLO STDIN!', url: true });
  });

  it('invoke prints a function error and exits 1', async () => {
    const run = await cli(['invoke', 'errors.throws']);
    assert.equal(run.code, 1);
    assert.equal((JSON.parse(run.stdout) as { errorType: string }).errorType, 'ValidationError');
    assert.match(run.stderr, /lambda-workbench invoke: \/.*\/examples\/handlers\/errors\.js:11:9: errors\.throws failed: ValidationError: name is required\n$/);
  });

  it('invoke reports an event that is not JSON at file:line:col and exits 2', async () => {
    const run = await cli(['invoke', 'cjs.handler', '--event', '-'], '{\n  "a": 1,\n}');
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '<stdin>:3:1: error: the event is not valid JSON (PropertyNameExpected)\n');
  });

  it('invoke refuses bad usage with exit 2', async () => {
    const run = await cli(['invoke', 'index', '--timeout', '0']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"index" is no handler string \(path\/to\/file\.export\) and there is no template\.yaml, template\.json or serverless\.yml here to find it in: give --template FILE/);
  });

  it('serve answers like the emulator until interrupted, then stops its environments', async () => {
    const child = spawn(process.execPath, [cliScript, 'serve', 'counter.handler', '--port', '0'], { cwd: handlersRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    try {
      await waitFor(() => /on http:\/\/127\.0\.0\.1:\d+\//.test(stderr), 10_000, 'serve to listen');
      const url = /(http:\/\/127\.0\.0\.1:\d+\/2015-03-31\/functions\/function\/invocations)/.exec(stderr)?.[1] ?? '';
      const first = (await (await fetch(url, { method: 'POST', body: '{}' })).json()) as { invocations: number; pid: number };
      const second = (await (await fetch(url, { method: 'POST', body: '{}' })).json()) as { invocations: number; pid: number };
      assert.deepEqual([first.invocations, second.invocations], [1, 2]);
      assert.ok(isAlive(first.pid));
      child.kill('SIGINT');
      const [code] = (await once(child, 'close')) as [number | null];
      assert.equal(code, 0);
      await waitFor(() => !isAlive(first.pid), 5000, 'the environment to stop with serve');
      assert.match(stderr, /REPORT RequestId: .*Init Duration/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serve says on stderr where each failed invoke failed in the code, as invoke does', async () => {
    const child = spawn(process.execPath, [cliScript, 'serve', 'errors.throws', '--port', '0'], { cwd: handlersRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    try {
      await waitFor(() => /on http:\/\/127\.0\.0\.1:\d+\//.test(stderr), 10_000, 'serve to listen');
      const url = /(http:\/\/127\.0\.0\.1:\d+\/2015-03-31\/functions\/function\/invocations)/.exec(stderr)?.[1] ?? '';
      const answer = await fetch(url, { method: 'POST', body: '{}' });
      assert.equal(answer.headers.get('x-amz-function-error'), 'Unhandled');
      await waitFor(() => /failed: ValidationError/.test(stderr), 5000, 'the failure line');
      assert.match(stderr, /\nlambda-workbench serve: \/.*\/examples\/handlers\/errors\.js:11:9: errors\.throws failed: ValidationError: name is required\n/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('serve --function-url answers any path as a function URL', async () => {
    // -p: SAM CLI's short form of --port.
    const child = spawn(process.execPath, [cliScript, 'serve', 'function-url.handler', '--function-url', '-p', '0'], { cwd: handlersRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    try {
      await waitFor(() => /on http:\/\/127\.0\.0\.1:\d+\/ \(function URL\)/.test(stderr), 10_000, 'serve to listen');
      const base = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1] ?? '';
      const created = await fetch(`${base}created`);
      assert.deepEqual([created.status, await created.text()], [201, 'created']);
      child.kill('SIGINT');
      const [code] = (await once(child, 'close')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
