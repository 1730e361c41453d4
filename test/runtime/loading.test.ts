import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionConfig } from '../../server/src/runtime/config';
import { LocalFunction } from '../../server/src/runtime/local-function';
import { bootstrapScript, handlersRoot, parsed, withFunction } from './harness';

describe('runtime: loading handlers as Lambda does (real processes)', function () {
  this.timeout(20_000);

  const cases: ReadonlyArray<{ handler: string; event?: unknown; expected: unknown }> = [
    { handler: 'esm.handler', expected: { format: 'esm', moduleUrl: true, loadedAt: 'number', event: {} } },
    { handler: 'esm-package/index.handler', expected: { format: 'esm-by-package', isModule: true, event: {} } },
    { handler: 'esm-package/legacy.handler', expected: { format: 'cjs-by-extension', isCommonJs: true, event: {} } },
    { handler: 'esm-package/typed.handler', event: { name: 'ada' }, expected: { message: 'HELLO ADA!', url: true } },
    { handler: 'typescript/greet.handler', event: { name: 'Ada' }, expected: { greeting: 'Hello, Ada', dirname: true } },
    { handler: 'cjs.nested.handler', expected: 'nested' },
    { handler: 'callback.handler', event: { name: 'Ada' }, expected: { hello: 'Ada' } },
    { handler: 'callback.contextSucceed', expected: { via: 'context.succeed' } },
    { handler: 'slow.neverCallsBack', expected: null },
  ];
  for (const { handler, event, expected } of cases) {
    it(handler, () =>
      withFunction(handler, {}, async (h) => {
        const result = await h.invoke(event ?? {});
        assert.equal(result.status, 'success', result.payload);
        assert.deepEqual(JSON.parse(result.payload), expected);
      }));
  }

  it('loads the exact file the code lens names, even where Lambda\'s order would pick another', () =>
    withFunction('typescript/greet.handler', { handlerFile: join(handlersRoot, 'typescript/greet.ts') }, async (h) => {
      assert.equal(parsed(await h.invoke({ name: 'Bo' }))['greeting'], 'Hello, Bo');
    }));

  it('maps TypeScript stack frames to the .ts source', () =>
    withFunction('esm-package/typed.fails', {}, async (h) => {
      const { trace } = parsed(await h.invoke()) as { trace: string[] };
      assert.match(trace[1] ?? '', /esm-package\/typed\.ts:13:\d+\)$/);
    }));

  it('waits for the event loop to empty before answering a callback, unless told not to', () =>
    withFunction('callback.waits', {}, async (h) => {
      const result = await h.invoke();
      assert.equal(result.payload, '"done"');
      assert.match(h.log, /INFO\ttimer fired callback,timer\nEND RequestId/);
    }));

  it('answers at once when callbackWaitsForEmptyEventLoop is false', () =>
    withFunction('callback.noWait', {}, async (h) => {
      const started = Date.now();
      assert.equal((await h.invoke()).payload, '"immediate"');
      assert.ok(Date.now() - started < 5000);
    }));

  it('says how to get esbuild when a TypeScript handler has none to use', async () => {
    // A bootstrap installed without dependencies (like the .vsix) and a project without esbuild.
    const dir = mkdtempSync(join(tmpdir(), 'lwb-no-esbuild-'));
    try {
      mkdirSync(join(dir, 'dist'));
      mkdirSync(join(dir, 'fn'));
      for (const file of ['runtime-bootstrap.js', 'runtime-ts-hooks.js']) copyFileSync(join(bootstrapScript, '..', file), join(dir, 'dist', file));
      writeFileSync(join(dir, 'fn', 'index.ts'), 'export const handler = async (): Promise<number> => 1;\n');
      const fn = new LocalFunction(functionConfig({ root: join(dir, 'fn'), handler: 'index.handler', bootstrapScript: join(dir, 'dist', 'runtime-bootstrap.js') }), () => {});
      try {
        const result = await fn.invoke({ payload: '{}' });
        assert.equal(result.errorType, 'Runtime.ImportModuleError');
        assert.match(String(parsed(result)['errorMessage']), /TypeScript handlers are transpiled with esbuild, which was not found\. Install it in the project \(npm install --save-dev esbuild\)/);
      } finally {
        await fn.shutdown();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
