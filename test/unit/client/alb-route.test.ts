import assert from 'node:assert/strict';
import { exchangeWithLambda, type InvokeRecord } from '../../../server/src/alb/lambda/exchange';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest, type RequestInput } from '../../../server/src/alb/routing/request';
import type { RouteTrace } from '../../../server/src/alb/routing/route';
import { simulate } from '../../../server/src/alb/simulate';
import { parseJsonDocument } from '../../../server/src/document/json';
import { classifyTree } from '../../../server/src/workbench';
import { answerLines, notForwardedReason, routeLine } from '../../../client/src/debug/alb-route';
import { describeRules, notFound, path, tg } from '../alb/fixtures';

// What a debug run behind an ALB says about the route: why no function runs, the route, the client's answer.

function traceOf(rules: string, input: RequestInput): RouteTrace {
  const document = parseJsonDocument(rules);
  const parsed = parseRequest(input);
  assert.ok('request' in parsed);
  const simulation = simulate({ document, classification: classifyTree(document.root) }, parsed.request, defaultRoutingOptions);
  assert.ok(simulation.kind === 'trace');
  return simulation.trace;
}

const api = describeRules([[10, [path('/api/*')]]]);
const redirect = describeRules([[20, [path('/img/*')], [{ Type: 'redirect', RedirectConfig: { Host: 'cdn.#{host}', StatusCode: 'HTTP_301' } }]]]);
const zeroWeights = describeRules([[10, [path('/*')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 0 }] } }]]], [notFound]);

/** A function's answer as the runtime reports it: the result's JSON. */
const returned = (payload: unknown, status: InvokeRecord['status'] = 'success'): InvokeRecord => ({ requestId: 'r-1', durationMs: 3, status, payload: JSON.stringify(payload), timedOut: false });

describe('debug: behind an ALB', () => {
  const reasons: Array<[string, string, RequestInput, string | undefined]> = [
    ['a forward invokes the function', api, { method: 'GET', url: 'https://example.com/api/users' }, undefined],
    ['a redirect', redirect, { method: 'GET', url: 'https://example.com/img/a.png' }, 'the load balancer answers this request itself: rule 20 redirects it (301) to https://cdn.example.com:443/img/a.png'],
    ['a fixed response', api, { method: 'GET', url: 'https://example.com/' }, 'the load balancer answers this request itself: the default rule returns a fixed response (404)'],
    ['weights all 0', zeroWeights, { method: 'GET', url: 'https://example.com/' }, 'rule 10 forwards to no target group (every weight is 0)'],
  ];
  for (const [name, rules, input, reason] of reasons) {
    it(`says why no function runs: ${name}`, () => {
      assert.equal(notForwardedReason(traceOf(rules, input)), reason);
    });
  }

  it('writes the route as one line', () => {
    assert.equal(routeLine(traceOf(api, { method: 'POST', url: 'https://example.com/api/orders?id=7' }), tg), `ALB POST https://example.com/api/orders?id=7 → rule 10 → ${tg}`);
  });

  it("gives the client's answer, and ALB's reason when it answers 502 instead", async () => {
    const trace = traceOf(api, { method: 'GET', url: 'https://example.com/api/users' });
    const group = { arn: tg, multiValueHeaders: false };
    const forwarded = { host: 'example.com', path: '/api/users', query: '' };
    const ok = await exchangeWithLambda(trace, forwarded, group, async () => returned({ statusCode: 201, statusDescription: '201 Created', body: '{}' }), () => '1-00000000-000000000000000000000000');
    assert.deepEqual(answerLines(ok), ['ALB answers HTTP 201 Created', 'ALB note: The function gave no Content-Type, so ALB sent application/octet-stream.']);
    const bad = await exchangeWithLambda(trace, forwarded, group, async () => returned({ statusCode: '200' }), () => '1-00000000-000000000000000000000000');
    const [line = ''] = answerLines(bad);
    assert.match(line, /^ALB answers HTTP 502 Bad Gateway \(LambdaInvalidResponse: .*statusCode.*; https:\/\/docs\.aws\.amazon\.com\/elasticloadbalancing\/latest\/application\/lambda-functions\.html\)$/);
  });
});
