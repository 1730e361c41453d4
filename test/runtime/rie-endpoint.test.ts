import assert from 'node:assert/strict';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { Harness } from './harness';

describe('runtime: RIE-compatible endpoint (real HTTP, real processes)', function () {
  this.timeout(20_000);
  let harness: Harness;
  let endpoint: RieEndpoint;

  const start = async (handler: string, options = {}) => {
    harness = new Harness(handler, options);
    endpoint = await RieEndpoint.start(harness.fn, 0);
  };
  afterEach(async () => {
    await endpoint.close();
    await harness.close();
  });

  it('answers POST /2015-03-31/functions/function/invocations with the result', async () => {
    await start('cjs.handler');
    const response = await fetch(endpoint.url, { method: 'POST', body: '{"name":"Ada"}' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-amz-function-error'), null);
    const body = (await response.json()) as { event: unknown; context: { awsRequestId: string } };
    assert.deepEqual(body.event, { name: 'Ada' });
    assert.equal(response.headers.get('x-amz-request-id'), body.context.awsRequestId);
    assert.ok(endpoint.url.startsWith('http://127.0.0.1:'));
  });

  it('passes the client context and trace headers through, and treats an empty body as {}', async () => {
    await start('cjs.handler');
    const clientContext = Buffer.from(JSON.stringify({ custom: { tenant: 't1' } })).toString('base64');
    const response = await fetch(endpoint.url.replace('/function/', '/any-name/'), {
      method: 'POST',
      headers: { 'X-Amz-Client-Context': clientContext, 'X-Amzn-Trace-Id': 'Root=1-00000000-000000000000000000000001' },
    });
    const body = (await response.json()) as { event: unknown; context: { clientContext: unknown }; env: { traceId: string } };
    assert.deepEqual(body.event, {});
    assert.deepEqual(body.context.clientContext, { custom: { tenant: 't1' } });
    assert.equal(body.env.traceId, 'Root=1-00000000-000000000000000000000001');
  });

  it('answers a function error with 200, the error JSON and X-Amz-Function-Error', async () => {
    await start('errors.throws');
    const response = await fetch(endpoint.url, { method: 'POST', body: '{}' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-amz-function-error'), 'Unhandled');
    const body = (await response.json()) as { errorType: string; errorMessage: string };
    assert.equal(body.errorType, 'ValidationError');
    assert.equal(body.errorMessage, 'name is required');
  });

  it('answers a timeout with the emulator\'s text', async () => {
    await start('slow.spin', { timeoutSeconds: 1 });
    const response = await fetch(endpoint.url, { method: 'POST', body: '{}' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'Task timed out after 1.00 seconds');
  });

  it('throttles beyond the reserved concurrency with 429', async () => {
    await start('on-demand.handler', { reservedConcurrency: 1 });
    const post = () => fetch(endpoint.url, { method: 'POST', body: '{"do":"sleep","ms":300}' });
    const responses = await Promise.all([post(), post()]);
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 429]);
    const throttled = responses.find((r) => r.status === 429);
    assert.equal(throttled?.headers.get('x-amzn-errortype'), 'TooManyRequestsException');
    assert.deepEqual(await throttled?.json(), { Type: 'User', message: 'Rate Exceeded.', Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    await start('cjs.handler');
    const base = endpoint.url.replace(/\/2015-03-31.*/, '');
    assert.equal((await fetch(`${base}/2018-06-01/runtime/invocation/next`)).status, 404);
    assert.equal((await fetch(endpoint.url)).status, 405);
  });
});
