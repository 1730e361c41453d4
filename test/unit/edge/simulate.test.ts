import assert from 'node:assert/strict';
import { simulateChain, type ChainRunner, type ChainSetup, type EdgeRequest, type EdgeResponse } from '../../../server/src/edge/simulate/chain';
import type { Trigger } from '../../../server/src/edge/model/triggers';
import { cfOf, docsEvent } from './events';

type Handler = (event: { Records: Array<{ cf: Record<string, any> }> }) => unknown;

/**
 * Runs handler functions in this process, with the outcome fields a local
 * invoke reports; the origin answers from a table by URI.
 */
function inProcess(handlers: Partial<Record<Trigger, Handler>>, origin: (request: EdgeRequest) => EdgeResponse): ChainRunner & { originRequests: EdgeRequest[] } {
  const originRequests: EdgeRequest[] = [];
  return {
    originRequests,
    async invoke(trigger, eventText) {
      const handler = handlers[trigger];
      if (!handler) throw new Error(`test bug: no handler for ${trigger}`);
      try {
        return { status: 'success', payload: JSON.stringify(await handler(JSON.parse(eventText))), timedOut: false, durationMs: 1 };
      } catch (error) {
        const e = error as Error;
        return { status: 'function-error', errorType: e.name, payload: JSON.stringify({ errorType: e.name, errorMessage: e.message }), timedOut: false, durationMs: 1 };
      }
    },
    async fetchOrigin(request) {
      originRequests.push(request);
      return origin(request);
    },
  };
}

const page: EdgeResponse = { status: '200', statusDescription: 'OK', headers: { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] } };
const notFound: EdgeResponse = { status: '404', statusDescription: 'Not Found', headers: {} };

function setup(functions: Partial<Record<Trigger, object>>): ChainSetup {
  return {
    request: cfOf(docsEvent('viewer-request'))['request'],
    functions,
    origin: { custom: { customHeaders: {}, domainName: 'www.example.org', keepaliveTimeout: 5, path: '', port: 443, protocol: 'https', readTimeout: 30, sslProtocols: ['TLSv1.2'] } },
    originDomain: 'www.example.org',
  };
}

const summary = (steps: Awaited<ReturnType<typeof simulateChain>>['steps']) =>
  steps.map((s) => (s.trigger === 'origin' ? 'origin' : s.ran ? `${s.trigger}: ${s.verdict.viewerError ? `${s.verdict.viewerError.status}` : 'ok'}` : `${s.trigger}: skipped`));

describe('edge: simulating CloudFront\'s chain', () => {
  it('passes the origin\'s response through when no trigger has a function', async () => {
    const runner = inProcess({}, () => page);
    const report = await simulateChain(setup({}), runner);
    assert.deepEqual(summary(report.steps), ['viewer-request: skipped', 'origin-request: skipped', 'origin', 'origin-response: skipped', 'viewer-response: skipped']);
    assert.equal(report.viewerResponse, page);
    const forwarded = runner.originRequests[0]?.['headers'] as Record<string, Array<{ value: string }>>;
    assert.equal(forwarded['host']?.[0]?.value, 'www.example.org');
    assert.equal(forwarded['x-forwarded-for']?.[0]?.value, '203.0.113.178');
  });

  it('stops at a response generated in viewer-request', async () => {
    const redirect = { status: '302', statusDescription: 'Found', headers: { location: [{ key: 'Location', value: 'https://example.com/en/' }] } };
    const report = await simulateChain(setup({ 'viewer-request': {}, 'viewer-response': {} }), inProcess({ 'viewer-request': () => redirect }, () => page));
    assert.deepEqual(summary(report.steps), ['viewer-request: ok', 'origin-request: skipped', 'origin-response: skipped', 'viewer-response: skipped']);
    assert.deepEqual(report.viewerResponse, redirect);
  });

  it('answers 502 when viewer-request changes the read-only Host', async () => {
    const handler: Handler = (event) => {
      const request = event.Records[0]?.cf['request'];
      request.headers.host = [{ key: 'Host', value: 'bucket.s3.amazonaws.com' }];
      return request;
    };
    const report = await simulateChain(setup({ 'viewer-request': {} }), inProcess({ 'viewer-request': handler }, () => page));
    assert.deepEqual(summary(report.steps), ['viewer-request: 502']);
    assert.equal(report.viewerResponse.status, '502');
    assert.match(report.viewerResponse.body ?? '', /LambdaValidationError/);
  });

  it('runs every trigger in order on a cache miss, each seeing the previous one\'s output', async () => {
    const handlers: Partial<Record<Trigger, Handler>> = {
      'viewer-request': (event) => ({ ...event.Records[0]?.cf['request'], uri: '/index.html' }),
      'origin-request': (event) => {
        const request = event.Records[0]?.cf['request'];
        request.origin = { s3: { authMethod: 'none', customHeaders: {}, domainName: 'amzn-s3-demo-bucket.s3.amazonaws.com', path: '', region: 'us-east-1' } };
        request.headers.host = [{ key: 'Host', value: 'amzn-s3-demo-bucket.s3.amazonaws.com' }];
        return request;
      },
      'origin-response': (event) => {
        const response = event.Records[0]?.cf['response'];
        response.headers['cache-control'] = [{ key: 'Cache-Control', value: 'max-age=600' }];
        return response;
      },
      'viewer-response': (event) => {
        const response = event.Records[0]?.cf['response'];
        response.headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
        return response;
      },
    };
    const runner = inProcess(handlers, () => page);
    const report = await simulateChain(setup({ 'viewer-request': {}, 'origin-request': {}, 'origin-response': {}, 'viewer-response': {} }), runner);
    assert.deepEqual(summary(report.steps), ['viewer-request: ok', 'origin-request: ok', 'origin', 'origin-response: ok', 'viewer-response: ok']);
    assert.equal(runner.originRequests[0]?.['uri'], '/index.html');
    assert.deepEqual(Object.keys(runner.originRequests[0]?.['origin'] as object), ['s3']);
    assert.deepEqual(Object.keys(report.viewerResponse.headers), ['content-type', 'cache-control', 'strict-transport-security']);
  });

  it('skips viewer-response for an origin error, and answers 503 when a function throws', async () => {
    const missing = await simulateChain(setup({ 'viewer-response': {} }), inProcess({}, () => notFound));
    assert.deepEqual(summary(missing.steps).slice(-1), ['viewer-response: skipped']);
    assert.equal(missing.viewerResponse.status, '404');

    const throwing = await simulateChain(setup({ 'origin-response': {} }), inProcess({ 'origin-response': () => { throw new TypeError('headers is undefined'); } }, () => page));
    assert.deepEqual(summary(throwing.steps), ['viewer-request: skipped', 'origin-request: skipped', 'origin', 'origin-response: 503']);
    assert.equal(throwing.viewerResponse.status, '503');
  });

  it('keeps the origin\'s body and disallowed headers from origin-response, and the body for the viewer', async () => {
    const seen: unknown[] = [];
    const withBody: EdgeResponse = { ...page, headers: { ...page.headers, connection: [{ key: 'Connection', value: 'keep-alive' }] }, body: '<h1>Hello</h1>' };
    const handler: Handler = (event) => {
      const response = event.Records[0]?.cf['response'];
      seen.push(structuredClone(response));
      response.headers['x-processed'] = [{ key: 'X-Processed', value: 'yes' }];
      return response;
    };
    const report = await simulateChain(setup({ 'origin-response': {} }), inProcess({ 'origin-response': handler }, () => withBody));
    assert.deepEqual(summary(report.steps), ['viewer-request: skipped', 'origin-request: skipped', 'origin', 'origin-response: ok', 'viewer-response: skipped']);
    assert.equal((seen[0] as { body?: unknown }).body, undefined);
    assert.deepEqual(Object.keys((seen[0] as { headers: object }).headers), ['content-type']);
    assert.equal(report.viewerResponse.body, '<h1>Hello</h1>');
    assert.deepEqual(Object.keys(report.viewerResponse.headers), ['content-type', 'x-processed']);
  });
});
