import assert from 'node:assert/strict';
import { join } from 'node:path';
import { handlersRoot, parsed, withFunction } from './harness';

describe('runtime: loading handlers as Lambda does (real processes)', function () {
  this.timeout(20_000);

  const cases: ReadonlyArray<{ handler: string; event?: unknown; expected: unknown }> = [
    { handler: 'esm.handler', expected: { format: 'esm', moduleUrl: true, loadedAt: 'number', event: {} } },
    { handler: 'esm-package/index.handler', expected: { format: 'esm-by-package', isModule: true, event: {} } },
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
});
