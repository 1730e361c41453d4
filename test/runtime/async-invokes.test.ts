import assert from 'node:assert/strict';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { Harness, waitFor } from './harness';

/** Asynchronous invokes (`X-Amz-Invocation-Type: Event`) and requests Lambda refuses, over real HTTP. */
describe('runtime: the endpoint queues asynchronous invokes and refuses what Lambda refuses (real HTTP, real processes)', function () {
  this.timeout(20_000);
  let harness: Harness;
  let endpoint: RieEndpoint;
  afterEach(async () => {
    await endpoint.close();
    await harness.close();
  });

  const start = async (handler: string, concurrency: number, queue: { retryDelaysMs?: number[]; maxQueued?: number } = {}) => {
    harness = new Harness(handler, { reservedConcurrency: concurrency });
    endpoint = await RieEndpoint.start(harness.fn, 0, queue, (text) => (harness.log += text));
  };
  const post = (body: string, headers: Record<string, string> = {}) => fetch(endpoint.url, { method: 'POST', body, headers });
  const event = (body: string) => post(body, { 'X-Amz-Invocation-Type': 'Event' });
  const count = (text: string) => harness.log.split(text).length - 1;

  it('runs all of 20 events sent at once at concurrency 2', async () => {
    await start('on-demand.handler', 2);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => event(`{"do":"sleep","ms":${20 + i}}`)));
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([202]));
    await waitFor(() => count('REPORT RequestId') === 20, 15_000, 'all 20 events to run');
    for (let i = 0; i < 20; i++) assert.equal(count(`sleeping ${20 + i} ms`), 1, `event ${i} ran once`);
    assert.ok(harness.pids.size <= 2, `at most 2 environments (${harness.pids.size})`);
  });

  it('retries a failed event twice, after the configured delays, logging each attempt', async () => {
    await start('errors.throws', 1, { retryDelaysMs: [50, 100] });
    const answer = await event('{}');
    const requestId = answer.headers.get('x-amz-request-id') ?? '';
    await waitFor(() => harness.log.includes('no retries left'), 10_000, 'the third attempt');
    assert.equal(count(`START RequestId: ${requestId}`), 3, 'three attempts under the same request id');
    assert.match(harness.log, new RegExp(`Async invoke ${requestId}: attempt 1 failed \\(ValidationError\\); retrying in 50 ms`));
    assert.match(harness.log, new RegExp(`Async invoke ${requestId}: attempt 2 failed \\(ValidationError\\); retrying in 100 ms`));
    assert.match(harness.log, new RegExp(`Async invoke ${requestId}: attempt 3 failed \\(ValidationError\\); no retries left`));
  });

  it('refuses events past the bounded queue with 429, and runs the ones it took', async () => {
    await start('on-demand.handler', 1, { maxQueued: 3 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => event('{"do":"sleep","ms":200}')));
    assert.deepEqual(answers.map((a) => a.status).sort(), [202, 202, 202, 429, 429]);
    const refused = answers.find((a) => a.status === 429);
    assert.equal(refused?.headers.get('x-amzn-errortype'), 'TooManyRequestsException');
    assert.match(((await refused?.json()) as { message: string }).message, /queue of asynchronous invokes is full/);
    await waitFor(() => count('REPORT RequestId') === 3, 10_000, 'the 3 queued events to run');
  });

  it('answers a body that is not JSON with 400 InvalidRequestContentException, and runs nothing', async () => {
    await start('cjs.handler', 1);
    for (const send of [post, event]) {
      const answer = await send('name=Ada');
      assert.equal(answer.status, 400);
      assert.equal(answer.headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
      const body = (await answer.json()) as { Type: string; message: string };
      assert.equal(body.Type, 'User');
      assert.match(body.message, /^Could not parse request body into json: /);
    }
    assert.equal(harness.pids.size, 0);
  });
});
