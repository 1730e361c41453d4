import assert from 'node:assert/strict';
import { FunctionUrlEndpoint } from '../../server/src/runtime/function-url-endpoint';
import { Harness } from './harness';

/** `serve --function-url`: real HTTP into real execution environments, as a browser or curl calls a function URL. */
describe('runtime: a local function URL (real HTTP, real processes)', function () {
  this.timeout(20_000);
  let harness: Harness;
  let endpoint: FunctionUrlEndpoint;

  const start = async (handler: string) => {
    harness = new Harness(handler);
    endpoint = await FunctionUrlEndpoint.start(harness.fn, 0);
  };
  afterEach(async () => {
    await endpoint.close();
    await harness.close();
  });

  it('sends the request as the payload 2.0 event, its request id the invoke\'s', async () => {
    await start('function-url.handler');
    const response = await fetch(`${endpoint.url}event?a=1&a=2`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: 's=1; t=2', 'X-Trace': 'x' }, body: '{"hi":true}' });
    const { event, awsRequestId } = (await response.json()) as { event: Record<string, unknown> & { requestContext: { requestId: string; http: Record<string, string> }; headers: Record<string, string> }; awsRequestId: string };
    assert.equal(event['version'], '2.0');
    assert.equal(event['rawPath'], '/event');
    assert.deepEqual(event['queryStringParameters'], { a: '1,2' });
    assert.deepEqual(event['cookies'], ['s=1', 't=2']);
    assert.equal(event.headers['x-trace'], 'x');
    assert.equal(event['body'], '{"hi":true}');
    assert.equal(event.requestContext.http['method'], 'POST');
    assert.equal(event.requestContext.http['sourceIp'], '127.0.0.1');
    assert.equal(event.requestContext.requestId, awsRequestId);
  });

  it("answers with the result's status, headers and cookies, and a base64 body decoded", async () => {
    await start('function-url.handler');
    const created = await fetch(`${endpoint.url}created`);
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('x-custom'), 'yes');
    assert.deepEqual(created.headers.getSetCookie(), ['a=1; Path=/', 'b=2']);
    assert.equal(await created.text(), 'created');
    const pixel = await fetch(`${endpoint.url}pixel`);
    assert.equal(pixel.headers.get('content-type'), 'image/gif');
    assert.equal(Buffer.from(await pixel.arrayBuffer()).subarray(0, 6).toString('latin1'), 'GIF89a');
  });

  it('infers a 200 application/json response from a result without statusCode', async () => {
    await start('function-url.handler');
    const response = await fetch(`${endpoint.url}text`);
    assert.deepEqual([response.status, response.headers.get('content-type'), await response.text()], [200, 'application/json', '"Hello, world!"']);
  });

  for (const path of ['throw', 'bad-status', 'bad-header']) {
    it(`answers 502 Internal Server Error for /${path}, and the next request is served`, async () => {
      await start('function-url.handler');
      const failed = await fetch(`${endpoint.url}${path}`);
      assert.deepEqual([failed.status, await failed.text()], [502, 'Internal Server Error']);
      assert.equal((await fetch(`${endpoint.url}text`)).status, 200);
    });
  }

  it('streams a streamed response as it is written, with the status and headers of its prelude', async () => {
    await start('streaming.http');
    const http = await fetch(endpoint.url);
    assert.deepEqual([http.status, http.headers.get('x-streamed'), http.headers.getSetCookie(), await http.text()], [201, 'yes', ['a=1'], '<p>created</p>']);
    await harness.close();
    await endpoint.close();
    await start('streaming.slowChunks');
    const response = await fetch(endpoint.url);
    assert.equal(response.headers.get('content-type'), 'text/plain');
    const reader = response.body?.getReader();
    assert.ok(reader);
    // The handler waits 300 ms before its second chunk: the first read sees only the first.
    assert.equal(new TextDecoder().decode((await reader.read()).value), 'first\n');
    let rest = '';
    for (let part = await reader.read(); !part.done; part = await reader.read()) rest += new TextDecoder().decode(part.value);
    assert.equal(rest, 'last\n');
  });
});
