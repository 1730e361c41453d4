import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readAlbRegion } from '../../../server/src/alb/model/read';
import type { ListenerModel } from '../../../server/src/alb/model/types';
import type { RoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest } from '../../../server/src/alb/routing/request';
import { decideRoute, routeRequest, ruleVerdict } from '../../../server/src/alb/routing/route';
import { parseJsonDocument } from '../../../server/src/document/json';
import { classifyTree } from '../../../server/src/workbench';
import { describeRules, header, host, method, path, query, sourceIp } from './fixtures';

function listenerOf(text: string): ListenerModel {
  const document = parseJsonDocument(text);
  const region = classifyTree(document.root).regions.find((r) => r.kind === 'alb-config');
  assert.ok(region);
  const listener = readAlbRegion(region).listeners[0];
  assert.ok(listener);
  return listener;
}

/** Small alphabets so random rules and requests meet often; every condition kind, regexes, expressions and unknown fields included. */
const pathPattern = fc.array(fc.constantFrom('a', 'B', '/', '*', '?', '%41'), { minLength: 1, maxLength: 5 }).map((cs) => `/${cs.join('')}`);
const hostPattern = fc.array(fc.constantFrom('a', 'B', '.', '*', '?', ':8'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const ref = { Ref: 'Param' };
const condition = fc.oneof(
  fc.array(pathPattern, { minLength: 1, maxLength: 2 }).map((v) => path(...v)),
  fc.array(hostPattern, { minLength: 1, maxLength: 2 }).map((v) => host(...v)),
  fc.subarray(['GET', 'POST', 'PUT', 'get'], { minLength: 1 }).map((v) => method(...v)),
  fc.constantFrom('*', 'a*', '?', 'B', 'x').map((v) => header('X-A', v)),
  fc.constantFrom('*', 'a', '?*', 'A').map((v) => query({ Key: 'k', Value: v })),
  fc.constantFrom('a', 'b').map((v) => query({ Value: v })),
  fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '192.0.2.0/24', '2001:db8::/32', 'not-a-cidr').map((v) => sourceIp(v)),
  fc.constantFrom('^a', 'b$', '(?<=a)b', '(?i)^A').map((r) => ({ Field: 'path-pattern', PathPatternConfig: { RegexValues: [r] } })),
  fc.constantFrom('^a\\.', ':8$').map((r) => ({ Field: 'host-header', HostHeaderConfig: { RegexValues: [r] } })),
  fc.constant({ Field: 'path-pattern', PathPatternConfig: { Values: [ref] } }),
  fc.constant({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', ref] } }),
  fc.constant({ Field: 'http-header', HttpHeaderConfig: { Values: ['a'] } }),
  fc.constant({ Field: 'cookie', Values: ['a'] }),
);
const listenerText = fc
  .array(fc.array(condition, { maxLength: 3 }), { minLength: 1, maxLength: 8 })
  .chain((rules) => fc.boolean().map((withDefault) => ({ rules, withDefault })))
  .map(({ rules, withDefault }) => {
    const text = describeRules(rules.map((conditions, i): [number, object[]] => [(i * 7) % 11, conditions]));
    if (withDefault) return text;
    const parsed = JSON.parse(text) as { Rules: unknown[] };
    return JSON.stringify({ Rules: parsed.Rules.slice(0, -1) });
  });

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'get'),
  url: fc.tuple(
    fc.constantFrom('http', 'https'),
    fc.array(fc.constantFrom('a', 'b', '.', 'A'), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')),
    fc.constantFrom('', ':8', ':8443'),
    fc.array(fc.constantFrom('a', 'B', '/', '%41', '%zz'), { maxLength: 5 }).map((cs) => `/${cs.join('')}`),
    fc.constantFrom('', '?k=a', '?K=A', '?k=', '?j=b&k=ab', '?k%3Da'),
  ).map(([scheme, h, port, p, q]) => `${scheme}://${h}${port}${p}${q}`),
  headers: fc.array(fc.constantFrom('X-A: a', 'x-a: B', 'X-A: xa', 'X-B: a'), { maxLength: 3 }),
  sourceIp: fc.constantFrom('10.1.2.3', '10.2.0.1', '192.0.2.9', '2001:db8::1', ''),
});

const options = fc.record<RoutingOptions>({ hostPort: fc.constantFrom('compare', 'ignore'), percentDecode: fc.boolean() });

describe('alb routing: the fast path and the traced path agree', function () {
  this.timeout(20_000);

  it('choose the same rule, with the same verdict for every rule and the same outcome', () => {
    fc.assert(
      fc.property(listenerText, fc.array(request, { minLength: 1, maxLength: 5 }), options, (text, inputs, routing) => {
        const listener = listenerOf(text);
        for (const input of inputs) {
          const parsed = parseRequest(input);
          if (!('request' in parsed)) continue;
          const trace = routeRequest(listener, parsed.request, routing);
          const decision = decideRoute(listener, parsed.request, routing);
          assert.equal(decision.index, trace.winner);
          assert.deepEqual(decision.outcome, trace.outcome);
          for (const rule of [...listener.rules, ...(listener.defaultRule ? [listener.defaultRule] : [])]) {
            const traced = trace.rules.find((r) => r.range.offset === rule.range.offset);
            assert.equal(ruleVerdict(listener, rule, parsed.request, routing), traced?.verdict);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('alb routing: the rule index skips only rules that cannot match', () => {
  const rules = describeRules([
    [1, [host('API.example.com')]],
    [2, [path('/api/v1/*'), method('POST')]],
    [3, [path('/api/*', '/static/*')]],
    [4, [host('*.example.com')]],
    [5, [path('/caf%C3%A9/*')]],
    [6, [{ Field: 'path-pattern', PathPatternConfig: { RegexValues: ['^/re/'] } }]],
  ]);
  const cases: Array<[string, string, string, string, Partial<RoutingOptions>?]> = [
    ['an exact host, folded', 'GET', 'https://api.EXAMPLE.com/x', 'rule 1'],
    ['an exact host with a port, compared as sent', 'GET', 'https://api.example.com:8443/x', 'the default rule'],
    ['an exact host with a port, ignored', 'GET', 'https://api.example.com:8443/x', 'rule 1', { hostPort: 'ignore' }],
    ['a segment shared by two rules', 'POST', 'https://other.net/api/v1/a', 'rule 2'],
    ['the same segment, another method', 'GET', 'https://other.net/api/v1/a', 'rule 3'],
    ['a second segment of one rule', 'GET', 'https://other.net/static/a.css', 'rule 3'],
    ['a path with no second "/"', 'GET', 'https://other.net/api', 'the default rule'],
    ['an encoded path as sent', 'GET', 'https://other.net/caf%C3%A9/x', 'rule 5'],
    ['a decoded path when asked', 'GET', 'https://other.net/caf%C3%A9/x', 'the default rule', { percentDecode: true }],
    ['an ungated regex rule', 'GET', 'https://other.net/re/x', 'rule 6'],
  ];
  for (const [name, m, url, expected, routing] of cases) {
    it(name, () => {
      const listener = listenerOf(rules);
      const parsed = parseRequest({ method: m, url });
      assert.ok('request' in parsed);
      const options = { hostPort: 'compare', percentDecode: false, ...routing } as RoutingOptions;
      const trace = routeRequest(listener, parsed.request, options);
      const decision = decideRoute(listener, parsed.request, options);
      assert.equal(trace.rules[trace.winner ?? -1]?.label, expected);
      assert.equal(decision.rule?.label, expected);
    });
  }
});
