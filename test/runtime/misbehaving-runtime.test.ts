import assert from 'node:assert/strict';
import { join } from 'node:path';
import { functionConfig } from '../../server/src/runtime/config';
import { LocalFunction } from '../../server/src/runtime/local-function';
import { bootstrapScript, handlersRoot, repoRoot } from './harness';

/**
 * A runtime that breaks the Runtime API's rules (test/fixtures/runtime/misbehaving-client.js),
 * run as if it were our bootstrap (flush markers expected, as with a replaced --node that does
 * not speak our private headers): no invoke outlives its timeout.
 */
describe('runtime: no invoke outlives its timeout, whatever the runtime does (real processes)', function () {
  this.timeout(20_000);
  let fn: LocalFunction;
  let log = '';
  beforeEach(() => {
    log = '';
    fn = new LocalFunction(
      { ...functionConfig({ root: handlersRoot, handler: 'any.handler', bootstrapScript, timeoutSeconds: 1 }), bootstrap: { script: join(repoRoot, 'test/fixtures/runtime/misbehaving-client.js'), args: [], flushMarkers: true } },
      (text) => (log += text),
    );
  });
  afterEach(() => fn.shutdown());

  const timed = async (event: object) => {
    const started = Date.now();
    const result = await fn.invoke({ payload: JSON.stringify(event) });
    return { result, ms: Date.now() - started };
  };

  it('answers at once a runtime that posts without our flush-marker header', async () => {
    const { result, ms } = await timed({});
    assert.equal(result.status, 'success', result.payload);
    assert.deepEqual(JSON.parse(result.payload), { ok: true });
    assert.ok(ms < 900, `took ${ms} ms`);
  });

  it('times out an invoke when the runtime never asks for the next event again', async () => {
    assert.equal((await timed({ do: 'answer-then-vanish' })).result.status, 'success');
    const { result, ms } = await timed({});
    assert.equal(result.timedOut, true);
    assert.equal(result.errorType, 'Sandbox.Timedout');
    assert.ok(ms < 2500, `took ${ms} ms`);
    assert.match(log, new RegExp(`START RequestId: ${result.requestId} Version: \\$LATEST\n.* Task timed out after 1.00 seconds\nEND RequestId: ${result.requestId}\nREPORT RequestId: ${result.requestId}\t.*Status: timeout`), 'framed in the log though the runtime never took it');
    assert.equal((await timed({})).result.status, 'success', 'a fresh environment serves the next invoke');
  });

  it('answers a second next while the event is out with the same event, as Lambda does, and the invoke goes on', async () => {
    const { result } = await timed({ do: 'second-next' });
    assert.equal(result.status, 'success', result.payload);
    const { first, second } = JSON.parse(result.payload) as Record<'first' | 'second', { status: number; id: string; deadline: string; event: string }>;
    assert.deepEqual(second, first, 'the same request id, deadline and payload');
    assert.deepEqual([second.status, second.id, JSON.parse(second.event)], [200, result.requestId, { do: 'second-next' }]);
    assert.equal((await timed({})).result.status, 'success', 'the environment serves the next invoke');
  });

  it('serves a result and a next pipelined on one connection in order: the next is the next invoke, not the same one again', async () => {
    const first = await timed({ do: 'pipelined' });
    assert.deepEqual(JSON.parse(first.result.payload), { pipelined: true });
    const { result } = await timed({ second: true });
    assert.equal(result.status, 'success', result.payload);
    assert.deepEqual(JSON.parse(result.payload), { afterPipelined: { second: true }, id: result.requestId });
  });

  it('answers posts for an unknown or finished request id as the Runtime API does, and the invoke goes on', async () => {
    await timed({});
    const { result } = await timed({ do: 'unknown-ids' });
    assert.equal(result.status, 'success', result.payload);
    const invalidId = { status: 400, body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' } };
    assert.deepEqual(JSON.parse(result.payload), { unknown: invalidId, finished: invalidId });
  });
});
