import assert from 'node:assert/strict';
import { lambdaTargetEvent, type LambdaTargetOptions } from '../../../server/src/alb/routing/lambda-event';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest, type RequestInput } from '../../../server/src/alb/routing/request';
import { simulate } from '../../../server/src/alb/simulate';
import { parseJsonDocument } from '../../../server/src/json/document';
import { classify } from '../../../server/src/language/classify';
import { describeRules, forward, host, notFound, path, tg } from './fixtures';

// The event ALB sends a Lambda target, per "Use Lambda functions as targets of an Application
// Load Balancer" (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html).

const traceId = 'Root=1-5bdb40ca-556d8b0c50dc66f0511bf520';

function eventFor(rules: string, input: RequestInput, options: Partial<LambdaTargetOptions> = {}) {
  const document = parseJsonDocument(rules);
  const parsed = parseRequest(input);
  assert.ok('request' in parsed);
  const simulation = simulate({ document, classification: classify(document.root) }, parsed.request, defaultRoutingOptions);
  assert.ok(simulation.kind === 'trace');
  return lambdaTargetEvent(simulation.trace, { multiValueHeaders: false, traceId, ...options });
}

const api = describeRules([[10, [path('/api/*')]]]);

describe('alb: the Lambda target event', () => {
  it('has the documented shape: target group, method, path, query, lower-case headers with those ALB adds', () => {
    const result = eventFor(api, { method: 'GET', url: 'https://example.com/api/users?id=7&verbose', headers: ['Accept: application/json', 'User-Agent: curl/8.5.0'], sourceIp: '203.0.113.10' });
    assert.deepEqual(result, {
      rule: 'rule 10',
      targetGroupArn: tg,
      event: {
        requestContext: { elb: { targetGroupArn: tg } },
        httpMethod: 'GET',
        path: '/api/users',
        queryStringParameters: { id: '7', verbose: '' },
        headers: {
          host: 'example.com',
          accept: 'application/json',
          'user-agent': 'curl/8.5.0',
          'x-amzn-trace-id': traceId,
          'x-forwarded-for': '203.0.113.10',
          'x-forwarded-port': '443',
          'x-forwarded-proto': 'https',
        },
        body: '',
        isBase64Encoded: false,
      },
    });
  });

  it('passes query values as sent (ALB decodes nothing) and keeps the last of repeated names', () => {
    const result = eventFor(api, { method: 'GET', url: 'http://example.com/api/search?q=caf%C3%A9&tag=a&tag=b', headers: ['X-Tag: 1', 'x-tag: 2'] });
    assert.ok('event' in result);
    assert.deepEqual(result.event.queryStringParameters, { q: 'caf%C3%A9', tag: 'b' });
    assert.equal(result.event.headers?.['x-tag'], '2');
    assert.equal(result.event.headers?.['x-forwarded-port'], '80');
  });

  it('gives every value with multi-value headers enabled, and no single-value maps', () => {
    const result = eventFor(api, { method: 'GET', url: 'http://example.com/api/search?tag=a&tag=b', headers: ['X-Tag: 1', 'x-tag: 2'] }, { multiValueHeaders: true });
    assert.ok('event' in result);
    assert.deepEqual(result.event.multiValueQueryStringParameters, { tag: ['a', 'b'] });
    assert.deepEqual(result.event.multiValueHeaders?.['x-tag'], ['1', '2']);
    assert.equal(result.event.headers, undefined);
    assert.equal(result.event.queryStringParameters, undefined);
  });

  it('passes text bodies as is and base64-encodes the others', () => {
    const json = eventFor(api, { method: 'POST', url: 'http://example.com/api/orders', headers: ['Content-Type: application/json; charset=utf-8'] }, { body: '{"id":1}' });
    assert.ok('event' in json);
    assert.deepEqual([json.event.body, json.event.isBase64Encoded], ['{"id":1}', false]);
    const form = eventFor(api, { method: 'POST', url: 'http://example.com/api/orders', headers: ['Content-Type: application/x-www-form-urlencoded'] }, { body: 'a=1' });
    assert.ok('event' in form);
    assert.deepEqual([form.event.body, form.event.isBase64Encoded], ['YT0x', true]);
    const untyped = eventFor(api, { method: 'POST', url: 'http://example.com/api/orders' }, { body: 'raw' });
    assert.ok('event' in untyped);
    assert.deepEqual([untyped.event.body, untyped.event.isBase64Encoded], ['cmF3', true]);
  });

  it('appends the client to an X-Forwarded-For the client sent', () => {
    const result = eventFor(api, { method: 'GET', url: 'http://example.com/api/', headers: ['X-Forwarded-For: 198.51.100.7'], sourceIp: '203.0.113.10' });
    assert.ok('event' in result);
    assert.equal(result.event.headers?.['x-forwarded-for'], '198.51.100.7, 203.0.113.10');
  });

  it('delivers the request as the rule\'s transforms rewrote it', () => {
    const rules = describeRules([
      [1, [host('mywebsite-*.com')], [forward], { Transforms: [{ Type: 'host-header-rewrite', HostHeaderRewriteConfig: { Rewrites: [{ Regex: '^mywebsite-(.+).com$', Replace: 'internal.dev.$1.myweb.com' }] } }, { Type: 'url-rewrite', UrlRewriteConfig: { Rewrites: [{ Regex: '^/api/(.+)$', Replace: '/$1' }] } }] }],
    ]);
    const result = eventFor(rules, { method: 'GET', url: 'https://mywebsite-example.com/api/items?page=2' });
    assert.ok('event' in result);
    assert.equal(result.event.headers?.['host'], 'internal.dev.example.myweb.com');
    assert.equal(result.event.path, '/items');
    assert.deepEqual(result.event.queryStringParameters, { page: '2' });
  });

  it('says why no function is invoked when the load balancer answers itself', () => {
    const redirect = describeRules([[20, [path('/img/*')], [{ Type: 'redirect', RedirectConfig: { Host: 'cdn.#{host}', StatusCode: 'HTTP_301' } }]]]);
    assert.deepEqual(eventFor(redirect, { method: 'GET', url: 'https://example.com/img/a.png' }), {
      problem: 'the load balancer answers this request itself: rule 20 redirects it (301) to https://cdn.example.com:443/img/a.png',
    });
    assert.deepEqual(eventFor(api, { method: 'GET', url: 'https://example.com/' }), {
      problem: 'the load balancer answers this request itself: the default rule returns a fixed response (404)',
    });
    const zero = describeRules([[10, [path('/*')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 0 }] } }]]], [notFound]);
    assert.deepEqual(eventFor(zero, { method: 'GET', url: 'https://example.com/' }), { problem: 'rule 10 forwards to no target group (every weight is 0)' });
  });
});
