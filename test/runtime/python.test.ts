import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionConfig } from '../../server/src/runtime/config';
import { handlerLanguage } from '../../server/src/runtime/language';
import { LocalFunction, type InvokeResult } from '../../server/src/runtime/local-function';
import { findPython } from '../../server/src/runtime/python/interpreter';
import { bootstrapScript, cliScript, repoRoot } from './harness';

/** Python handlers through the local runtime: a real python3 per environment, as for Node.js. */
const root = join(repoRoot, 'test/fixtures/runtime/python');

function pythonFunction(handler: string, timeoutSeconds = 3): { fn: LocalFunction; log: () => string } {
  const choice = findPython(root);
  assert.equal(choice.kind, 'found', 'python3 is on this machine');
  let log = '';
  const fn = new LocalFunction(functionConfig({ root, handler, bootstrapScript, timeoutSeconds, python: choice.kind === 'found' ? choice.interpreter : { path: 'python3', version: '3' } }), (text) => (log += text));
  return { fn, log: () => log };
}

function payloadOf(result: InvokeResult): unknown {
  assert.ok('payload' in result, JSON.stringify(result));
  return JSON.parse(result.payload as string) as unknown;
}

describe('runtime: Python handlers', function () {
  this.timeout(30_000);

  it('runs warm: module state kept across invokes, logs between START and END', async () => {
    const { fn, log } = pythonFunction('app.handler');
    try {
      const first = payloadOf(await fn.invoke({ payload: '{"name": "Ada"}' })) as Record<string, unknown>;
      const second = payloadOf(await fn.invoke({ payload: '{"name": "Grace"}' })) as Record<string, unknown>;
      assert.deepEqual([first['calls'], second['calls'], first['cwd']], [1, 2, root]);
      assert.match(log(), /START RequestId: \S+ Version: \$LATEST\nhello from print\n\[INFO\]\t\S+\t\S+\thello from logging Ada\nEND RequestId/);
      assert.match(log(), /REPORT RequestId: .*Max Memory Used: \d+ MB/);
    } finally {
      await fn.shutdown();
    }
  });

  it('reports an error in Lambda\'s shape', async () => {
    const { fn } = pythonFunction('app.fails');
    try {
      const result = await fn.invoke({ payload: '{"why": "testing"}' });
      assert.equal(result.status, 'function-error', JSON.stringify(result));
      assert.deepEqual({ ...(payloadOf(result) as Record<string, unknown>), requestId: undefined, stackTrace: undefined }, { errorMessage: 'boom: testing', errorType: 'ValueError', requestId: undefined, stackTrace: undefined });
    } finally {
      await fn.shutdown();
    }
  });

  it('ends a handler at its timeout', async () => {
    const { fn } = pythonFunction('app.slow', 1);
    try {
      const result = await fn.invoke({ payload: '{"seconds": 10}' });
      assert.equal(result.status, 'function-error');
      assert.match(JSON.stringify(payloadOf(result)), /Task timed out after 1\.00 seconds/);
    } finally {
      await fn.shutdown();
    }
  });

  it('reports a handler that exits as Runtime.ExitError', async () => {
    const { fn } = pythonFunction('app.exits');
    try {
      const result = await fn.invoke({ payload: '{}' });
      assert.equal(result.status, 'function-error');
      assert.equal((payloadOf(result) as { errorType: string }).errorType, 'Runtime.ExitError');
    } finally {
      await fn.shutdown();
    }
  });

  it('tells Python handlers by their file, or by the runtime named', () => {
    assert.deepEqual(handlerLanguage(root, 'app.handler'), { language: 'python' });
    assert.deepEqual(handlerLanguage(root, 'pkg.inner.handler'), { language: 'python' });
    assert.deepEqual(handlerLanguage(root, 'pkg/inner.handler'), { language: 'python' });
    assert.deepEqual(handlerLanguage(join(repoRoot, 'examples/handlers'), 'hello.handler'), { language: 'nodejs' });
    assert.deepEqual(handlerLanguage(root, 'app.handler', 'nodejs20.x'), { language: 'nodejs' });
    assert.match(String((handlerLanguage(root, 'app.handler', 'java21') as { problem: string }).problem), /^the java21 runtime cannot run here yet/);
  });

  it('finds an interpreter: the runtime\'s version when there is one, else python3 with a warning', () => {
    const choice = findPython(root, 'python3.99');
    assert.equal(choice.kind, 'found');
    assert.match(choice.kind === 'found' ? (choice.warning ?? '') : '', /^python3\.99 asked for, running with Python 3\.\d+ \(python3\)$/);
    const none = findPython(root, 'python3.12', { PATH: '/nonexistent' });
    assert.equal(none.kind, 'none');
  });

  it('runs the interpreter itself, not the launcher found on PATH (a pyenv shim costs ~300 ms a process)', () => {
    const shims = mkdtempSync(join(tmpdir(), 'python-shim-'));
    try {
      const real = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(join(shims, 'python3'), `#!/bin/sh\nexec "${real}" "$@"\n`, { mode: 0o755 });
      const choice = findPython(root, undefined, { ...process.env, PATH: `${shims}:${process.env['PATH'] ?? ''}` });
      assert.equal(choice.kind === 'found' ? choice.interpreter.path : undefined, real);
    } finally {
      rmSync(shims, { recursive: true, force: true });
    }
  });

  it('invoke on the command line: a Python handler by its file', () => {
    const result = spawnSync(process.execPath, [cliScript, 'invoke', 'pkg/inner.handler', '--root', root], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), '"from a package"');
  });
});
