import assert from 'node:assert/strict';
import { request } from 'node:http';
import { FunctionUrlEndpoint } from '../../server/src/runtime/function-url-endpoint';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { Harness, parsed } from './harness';

/** A raw request, so the test sets Host as a browser after DNS rebinding sends it. */
function send(port: number, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (t: string) => (text += t));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rie = '/2015-03-31/functions/function/invocations';
/** What a page's `fetch(url, {method: 'POST', mode: 'no-cors', body})` sends: no preflight is needed for it. */
const browserPost = (port: number, origin: string) => ({ Host: `127.0.0.1:${port}`, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8', 'Sec-Fetch-Mode': 'no-cors' });

describe('runtime: hostile callers get 403 from every local server (real HTTP, real processes)', function () {
  this.timeout(20_000);
  let harness: Harness;
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await harness.close();
  });

  const rieEndpoint = async (allowedOrigins: string[] = []) => {
    harness = new Harness('counter.handler');
    const endpoint = await RieEndpoint.start(harness.fn, 0, { allowedOrigins });
    closers.push(() => endpoint.close());
    return endpoint.port;
  };

  const refusals: Array<[string, (port: number) => Record<string, string>]> = [
    ['a browser-shaped text/plain POST with an Origin', (port) => browserPost(port, 'https://evil.example')],
    ['an Origin of the loopback itself', (port) => browserPost(port, `http://127.0.0.1:${port}`)],
    ['a DNS-rebinding Host', (port) => ({ Host: `evil.example:${port}` })],
    ['a loopback Host with another port', (port) => ({ Host: `127.0.0.1:${port + 1}` })],
    ['a Host without its port', () => ({ Host: 'localhost' })],
  ];
  for (const [what, headers] of refusals) {
    it(`refuses ${what} on the emulator endpoint, and runs nothing`, async () => {
      const port = await rieEndpoint();
      const answer = await send(port, rie, headers(port), '{}');
      assert.equal(answer.status, 403, answer.text);
      assert.match(answer.text, /^403 forbidden: /);
      assert.equal(harness.pids.size, 0, 'no environment was started');
    });
  }

  it('serves local callers by 127.0.0.1, localhost and [::1] with the port', async () => {
    const port = await rieEndpoint();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const answer = await send(port, rie, { Host: host }, '{}');
      assert.equal(answer.status, 200, `${host}: ${answer.text}`);
    }
  });

  it('serves an origin allowed on purpose, and lets the page read the answer', async () => {
    const port = await rieEndpoint(['http://localhost:3000']);
    const allowed = await send(port, rie, browserPost(port, 'http://localhost:3000'), '{}');
    assert.equal(allowed.status, 200, allowed.text);
    assert.equal(allowed.headers['access-control-allow-origin'], 'http://localhost:3000');
    assert.equal((await send(port, rie, browserPost(port, 'http://localhost:3001'), '{}')).status, 403);
  });

  it('refuses them on a function URL', async () => {
    harness = new Harness('function-url.handler');
    const endpoint = await FunctionUrlEndpoint.start(harness.fn, 0);
    closers.push(() => endpoint.close());
    assert.equal((await send(endpoint.port, '/x', browserPost(endpoint.port, 'https://evil.example'), 'hi')).status, 403);
    assert.equal((await send(endpoint.port, '/x', { Host: `attacker.test:${endpoint.port}` })).status, 403);
    assert.equal((await send(endpoint.port, '/x', { Host: `127.0.0.1:${endpoint.port}` })).status, 200);
    assert.equal(harness.pids.size, 1, 'only the local request ran the handler');
  });

  it("refuses them on an environment's Runtime API", async () => {
    harness = new Harness('cjs.handler');
    const { env } = parsed(await harness.invoke()) as { env: { runtimeApi: string } };
    const port = Number(env.runtimeApi.split(':')[1]);
    const next = '/2018-06-01/runtime/invocation/next';
    assert.equal((await send(port, next, { Host: `evil.example:${port}` })).status, 403);
    assert.equal((await send(port, next, { Host: env.runtimeApi, Origin: 'https://evil.example' })).status, 403);
    const post = await send(port, '/2018-06-01/runtime/invocation/x/response', { Host: `rebind.test:${port}` }, '{}');
    assert.equal(post.status, 403);
    assert.equal((await harness.invoke()).status, 'success', 'the environment still serves its runtime');
  });
});
