import assert from 'node:assert/strict';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { httpIntegrationContentType, splitHttpIntegrationResponse } from '../../server/src/runtime/streamed-response';
import { Harness, parsed, runCli, withFunction } from './harness';

/** Response streaming (`awslambda.streamifyResponse`) through our bootstrap and Runtime API, real processes. */
describe('runtime: response streaming (real processes)', function () {
  this.timeout(20_000);

  it('buffers what the handler streams, with its content type, and stays warm', () =>
    withFunction('streaming.chunks', {}, async (h) => {
      for (const round of [1, 2]) {
        const result = await h.invoke();
        assert.equal(result.status, 'success', `round ${round}: ${result.payload}`);
        assert.equal(result.payload, 'one\ntwo\nthree\n');
        assert.deepEqual([result.streamed?.contentType, result.streamed?.body.toString()], ['text/plain', 'one\ntwo\nthree\n']);
      }
      assert.equal(h.pids.size, 1, 'the second invoke reused the environment');
      assert.match(h.log, /REPORT RequestId: .*Duration: [\d.]+ ms/);
    }));

  it("a function URL response: HttpResponseStream.from's prelude, eight NUL bytes, the body", () =>
    withFunction('streaming.http', {}, async (h) => {
      const result = await h.invoke();
      assert.equal(result.streamed?.contentType, httpIntegrationContentType);
      const split = splitHttpIntegrationResponse(result.streamed?.body ?? Buffer.alloc(0));
      assert.deepEqual(split?.prelude, { statusCode: 201, headers: { 'x-streamed': 'yes' }, cookies: ['a=1'] });
      assert.equal(split?.body.toString(), '<p>created</p>');
    }));

  it('writes values other than text and bytes as JSON', () =>
    withFunction('streaming.json', {}, async (h) => {
      assert.deepEqual(JSON.parse((await h.invoke({ name: 'Ada' })).payload), { streamed: true, name: 'Ada' });
    }));

  const errors: ReadonlyArray<{ handler: string; errorType: string; message: string }> = [
    { handler: 'streaming.failsMidway', errorType: 'TypeError', message: 'broke in mid-stream' },
    { handler: 'streaming.notAsync', errorType: 'string', message: 'Streaming does not support non-async handlers.' },
    { handler: 'streaming.lateContentType', errorType: 'Runtime.InvalidStreamingOperation', message: 'Cannot set content-type, too late.' },
    { handler: 'streaming.badContentType', errorType: 'TypeError', message: 'Invalid character in header content ["Content-Type"]' },
  ];
  for (const { handler, errorType, message } of errors) {
    it(`${handler}: the error from the stream's trailers, and the next invoke works`, () =>
      withFunction(handler, {}, async (h) => {
        const result = await h.invoke();
        assert.equal(result.status, 'function-error');
        assert.equal(result.errorType, errorType);
        assert.equal(parsed(result)['errorMessage'], message);
        assert.match(h.log, /\tERROR\tInvoke Error \t/);
        assert.equal((await h.invoke()).errorType, errorType, 'the same environment answers again');
        assert.equal(h.pids.size, 1);
      }));
  }

  it('a stream never ended runs into the timeout, as on Lambda; a fresh environment answers next', () =>
    withFunction('streaming.forgetsEnd', { timeoutSeconds: 1 }, async (h) => {
      const result = await h.invoke();
      assert.equal(result.timedOut, true);
      assert.equal(result.errorType, 'Sandbox.Timedout');
      assert.equal((await h.invoke()).timedOut, true);
      assert.equal(h.pids.size, 2);
    }));

  it('without the awslambda global (AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA=1) the module fails to load, as on Lambda', () =>
    withFunction('streaming.chunks', { environment: { AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: '1' } }, async (h) => {
      const result = await h.invoke();
      assert.equal(result.errorType, 'ReferenceError');
      assert.match(String(parsed(result)['errorMessage']), /awslambda is not defined/);
    }));

  it('the RIE endpoint sends each chunk as the handler writes it, with the content type the stream set', async () => {
    const harness = new Harness('streaming.slowChunks');
    const endpoint = await RieEndpoint.start(harness.fn, 0);
    try {
      const response = await fetch(endpoint.url, { method: 'POST', body: '{}' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/plain');
      const reader = response.body?.getReader();
      assert.ok(reader);
      const decoder = new TextDecoder();
      // The handler waits 300 ms before its second chunk: the first read sees only the first.
      assert.equal(decoder.decode((await reader.read()).value), 'first\n');
      let rest = '';
      for (let part = await reader.read(); !part.done; part = await reader.read()) rest += decoder.decode(part.value);
      assert.equal(rest, 'last\n');
    } finally {
      await endpoint.close();
      await harness.close();
    }
  });

  it('the RIE endpoint: an error after the first chunk ends the stream (the status is already out)', async () => {
    const harness = new Harness('streaming.failsMidway');
    const endpoint = await RieEndpoint.start(harness.fn, 0);
    try {
      const response = await fetch(endpoint.url, { method: 'POST', body: '{}' });
      assert.deepEqual([response.status, await response.text()], [200, 'partial']);
      assert.equal((await fetch(endpoint.url, { method: 'POST', body: '{}' })).status, 200, 'the next invoke is answered');
    } finally {
      await endpoint.close();
      await harness.close();
    }
  });

  it('the CLI prints the body as it is, a function URL response\'s prelude on stderr', async () => {
    const run = await runCli(['invoke', 'streaming.http']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '<p>created</p>');
    assert.match(run.stderr, /^function URL response: \{"statusCode":201,"headers":\{"x-streamed":"yes"\},"cookies":\["a=1"\]\}$/m);
  });
});
