import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeListener } from '../../../server/src/alb/analysis/listener';
import { spaceOf } from '../../../server/src/alb/analysis/space';
import { witnessRequest } from '../../../server/src/alb/analysis/witness';
import { readAlbRegion } from '../../../server/src/alb/model/read';
import type { ListenerModel } from '../../../server/src/alb/model/types';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest, type RequestInput } from '../../../server/src/alb/routing/request';
import { routeRequest } from '../../../server/src/alb/routing/route';
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

/** Small alphabets make the random rules collide often, which is where shadowing lives. */
const pathPattern = fc.array(fc.constantFrom('a', 'b', '/', '*', '?'), { minLength: 1, maxLength: 5 }).map((cs) => `/${cs.join('')}`);
const hostPattern = fc.array(fc.constantFrom('a', 'B', '.', '*', '?'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
const condition = fc.oneof(
  fc.array(pathPattern, { minLength: 1, maxLength: 2 }).map((v) => path(...v)),
  fc.array(hostPattern, { minLength: 1, maxLength: 2 }).map((v) => host(...v)),
  fc.subarray(['GET', 'POST', 'PUT'], { minLength: 1 }).map((v) => method(...v)),
  fc.constantFrom('*', 'a*', '?', 'b').map((v) => header('X-A', v)),
  fc.constantFrom('*', 'a', '?*').map((v) => query({ Key: 'k', Value: v })),
  fc.constantFrom('10.0.0.0/8', '10.1.0.0/16', '192.0.2.0/24').map((v) => sourceIp(v)),
);
/** A rule has at most one condition per field (others are AWS errors, not analysed). */
let distinct = 0;
const rule = fc.uniqueArray(condition, { minLength: 1, maxLength: 3, selector: (c) => (c.Field === 'http-header' || c.Field === 'query-string' ? distinct++ : c.Field) });
const actions = [[{ Type: 'forward', TargetGroupArn: 'a' }], [{ Type: 'forward', TargetGroupArn: 'b' }]];
const listenerText = fc
  .array(fc.tuple(rule, fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 5 })
  .map((rules) => describeRules(rules.map(([conditions, a], i): [number, object[], object[]] => [i + 1, conditions, actions[a] ?? []])));

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  host: fc.array(fc.constantFrom('a', 'b', '.', 'A'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join('')),
  path: fc.array(fc.constantFrom('a', 'b', '/'), { maxLength: 6 }).map((cs) => `/${cs.join('')}`),
  header: fc.option(fc.constantFrom('a', 'ab', 'b', 'x'), { nil: undefined }),
  query: fc.option(fc.constantFrom('k=a', 'k=', 'k=ab', 'j=a'), { nil: undefined }),
  sourceIp: fc.constantFrom('10.1.2.3', '10.2.0.1', '192.0.2.9', '203.0.113.1'),
});

function route(listener: ListenerModel, input: RequestInput) {
  const parsed = parseRequest(input);
  assert.ok('request' in parsed, JSON.stringify(input));
  return routeRequest(listener, parsed.request, defaultRoutingOptions);
}

describe('alb shadow analysis: no false alarms', function () {
  // Hundreds of random listeners each: about a second alone, more on a loaded machine.
  this.timeout(20_000);
  it('never claims a rule is shadowed when some request reaches it', () => {
    fc.assert(
      fc.property(listenerText, fc.array(request, { minLength: 40, maxLength: 40 }), (text, requests) => {
        const listener = listenerOf(text);
        const findings = analyzeListener(listener);
        const inputs: RequestInput[] = requests.map((r) => ({
          method: r.method,
          url: `https://${r.host}${r.path}${r.query ? `?${r.query}` : ''}`,
          headers: r.header === undefined ? [] : [`X-A: ${r.header}`],
          sourceIp: r.sourceIp,
        }));
        // Also try a request built to land inside each rule: the likeliest way to reach it.
        for (const r of listener.rules) {
          const space = spaceOf(r);
          const inside = space && witnessRequest([space]);
          if (inside) inputs.push(inside);
        }
        for (const finding of findings) {
          if (finding.kind === 'overlap') {
            continue;
          }
          for (const input of inputs) {
            const trace = route(listener, input);
            const winner = trace.winner === undefined ? undefined : trace.rules[trace.winner];
            assert.notEqual(winner?.label, finding.rule.label, `${finding.rule.label} is said to be ${finding.kind}, yet ${input.method} ${input.url} ${JSON.stringify(input.headers)} reaches it\n${text}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives overlap examples that really match both rules, the earlier one winning', () => {
    fc.assert(
      fc.property(listenerText, (text) => {
        const listener = listenerOf(text);
        for (const finding of analyzeListener(listener)) {
          if (finding.kind !== 'overlap') continue;
          const [line, ...rest] = finding.example.split(' -H ');
          const [methodName, url] = (line ?? '').split(' ');
          const headers = rest.map((h) => h.replace(/^"|"(?: from .*)?$/g, ''));
          const source = /from (\S+)$/.exec(finding.example)?.[1];
          const trace = route(listener, { method: methodName ?? '', url: (url ?? '').replace(/ from .*$/, ''), headers, ...(source ? { sourceIp: source } : {}) });
          const byLabel = (label: string) => trace.rules.find((r) => r.label === label);
          assert.equal(byLabel(finding.rule.label)?.verdict, 'matched', finding.example);
          assert.equal(byLabel(finding.earlier.label)?.verdict, 'matched', finding.example);
        }
      }),
      { numRuns: 200 },
    );
  });
});
