import { analyzeListener } from '../server/src/alb/analysis/listener';
import { readAlbRegion } from '../server/src/alb/model/read';
import type { ListenerModel } from '../server/src/alb/model/types';
import { defaultRoutingOptions } from '../server/src/alb/routing/options';
import { parseRequest, type AlbRequest } from '../server/src/alb/routing/request';
import { chooseRule, decideRoute, routeRequest } from '../server/src/alb/routing/route';
import { parseJsonDocument } from '../server/src/document/json';
import { classifyTree } from '../server/src/workbench';
import type { Measurement } from './measurement';

const services = ['orders', 'users', 'billing', 'search', 'media', 'auth', 'admin', 'reports', 'catalog', 'cart'];
const tg = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/6d0ecf831eec9f09`;

/** A listener of `count` rules as teams write them: per-service hosts and paths, canary headers, versions in the query, methods. */
function listenerText(count: number): string {
  const rules = Array.from({ length: count }, (_, i) => {
    const service = services[i % services.length] ?? 'x';
    const conditions: object[] = [];
    switch (i % 5) {
      case 0:
        conditions.push({ Field: 'host-header', HostHeaderConfig: { Values: [`${service}.example.com`, `${service}-${i}.internal.example.com`] } });
        break;
      case 1:
        conditions.push({ Field: 'path-pattern', PathPatternConfig: { Values: [`/api/v${i % 3}/${service}/*`, `/api/${service}/${i}/*`] } });
        break;
      case 2:
        conditions.push({ Field: 'path-pattern', PathPatternConfig: { Values: [`/${service}/*`] } }, { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['on', 'yes'] } });
        break;
      case 3:
        conditions.push({ Field: 'path-pattern', PathPatternConfig: { Values: [`/${service}/${i}/*.json`] } }, { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'version', Value: `v${i}` }] } });
        break;
      default:
        conditions.push({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['POST', 'PUT'] } }, { Field: 'path-pattern', PathPatternConfig: { Values: [`/write/${service}/${i}/*`] } });
    }
    return { Priority: String(i + 1), Conditions: conditions, Actions: [{ Type: "forward", TargetGroupArn: tg(`${service}-${i}`) }] as object[], IsDefault: false };
  });
  rules.push({ Priority: "default", Conditions: [], Actions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }], IsDefault: true });
  return JSON.stringify({ Rules: rules }, null, 2);
}

function readListener(text: string): ListenerModel {
  const document = parseJsonDocument(text);
  const region = classifyTree(document.root).regions.find((r) => r.kind === 'alb-config');
  const listener = region && readAlbRegion(region).listeners[0];
  if (!listener) throw new Error('bench bug: no listener');
  return listener;
}

const text = listenerText(100);
const bigText = listenerText(1000);
const listener = readListener(text);
const bigListener = readListener(bigText);

/** 1,000 requests spread over `count` rules: most match one, some fall through to the default rule. */
const requestsFor = (count: number): AlbRequest[] => Array.from({ length: 1000 }, (_, i) => {
  const service = services[i % services.length] ?? 'x';
  const n = (i * 7) % count;
  const urls = [
    `https://${service}.example.com/`,
    `https://www.example.com/api/v${n % 3}/${service}/items/${i}`,
    `https://www.example.com/${service}/page/${i}`,
    `https://www.example.com/${service}/${n}/data.json?version=v${n}`,
    `https://www.example.com/unknown/${i}`,
  ];
  const parsed = parseRequest({ method: i % 4 === 0 ? 'POST' : 'GET', url: urls[i % urls.length] ?? '/', headers: i % 3 === 0 ? ['X-Canary: on'] : [], sourceIp: '203.0.113.9' });
  if (!('request' in parsed)) throw new Error(`bench bug: ${parsed.problem.message}`);
  return parsed.request;
});
const requests = requestsFor(100);
const bigRequests = requestsFor(1000);

/**
 * The baseline a hand-rolled emulator would write: every rule's patterns
 * compiled to anchored RegExps once, tried in priority order, first match
 * wins, no trace. It knows host, path, header, method and query conditions
 * only as far as this listener uses them.
 */
function compileBaseline(model: ListenerModel) {
  const escape = (s: string) => s.replace(/[.+^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = (values: ReadonlyArray<{ value: string | undefined }>, flags: string) => new RegExp(`^(?:${values.map((v) => escape(v.value ?? '')).join('|')})$`, flags);
  const rules = model.rules.map((rule) =>
    (rule.conditions?.items ?? []).map((c): ((r: AlbRequest) => boolean) => {
      switch (c.kind) {
        case 'host-header': {
          const re = regex(c.values, 'i');
          return (r) => re.test(r.host);
        }
        case 'path-pattern': {
          const re = regex(c.values, '');
          return (r) => re.test(r.path);
        }
        case 'http-header': {
          const re = regex(c.values, 'i');
          const name = (c.headerName?.value ?? '').toLowerCase();
          return (r) => r.headers.some((h) => h.name.toLowerCase() === name && re.test(h.value));
        }
        case 'http-request-method': {
          const methods = new Set(c.values.map((v) => v.value));
          return (r) => methods.has(r.method);
        }
        case 'query-string': {
          const pairs = c.queryPairs.map((p) => ({ key: p.key?.value?.toLowerCase(), value: new RegExp(`^${escape(p.value?.value ?? '')}$`, 'i') }));
          return (r) => r.query.split('&').some((kv) => {
            const [k = '', v = ''] = kv.split('=');
            return pairs.some((p) => (p.key === undefined || p.key === k.toLowerCase()) && p.value.test(v));
          });
        }
        default:
          return () => false;
      }
    }),
  );
  return (request: AlbRequest) => rules.findIndex((conditions) => conditions.every((matches) => matches(request)));
}

const baseline = compileBaseline(listener);
const bigBaseline = compileBaseline(bigListener);

export const measurements: Measurement[] = [
  {
    name: 'alb: route 1,000 requests through a listener of 100 rules (fast path: the first rule that matches, no trace)',
    baseline: 'regex-per-condition matcher, patterns precompiled, first match only',
    ours: () => requests.map((r) => chooseRule(listener, r, defaultRoutingOptions)),
    base: () => requests.map(baseline),
    target: 1.5,
    opsPerCall: 1000,
  },
  {
    name: 'alb: route 1,000 requests through a listener of 1,000 rules (fast path: the first rule that matches, no trace)',
    baseline: 'regex-per-condition matcher, patterns precompiled, first match only',
    ours: () => bigRequests.map((r) => chooseRule(bigListener, r, defaultRoutingOptions)),
    base: () => bigRequests.map(bigBaseline),
    target: 1.5,
    opsPerCall: 1000,
  },
  {
    name: 'alb: route 1,000 requests through a listener of 100 rules (fast path and the outcome: target groups, redirect, rewrites)',
    baseline: 'regex-per-condition matcher, patterns precompiled, first match only, no outcome',
    ours: () => requests.map((r) => decideRoute(listener, r, defaultRoutingOptions)),
    base: () => requests.map(baseline),
    opsPerCall: 1000,
  },
  {
    name: 'alb: route 1,000 requests through a listener of 100 rules (full trace: every rule, every condition, reasons)',
    baseline: 'regex-per-condition matcher, patterns precompiled, first match only, no trace',
    ours: () => requests.map((r) => routeRequest(listener, r, defaultRoutingOptions)),
    base: () => requests.map(baseline),
    opsPerCall: 1000,
  },
  {
    name: 'alb: shadow and overlap analysis of a listener of 100 rules (parse included)',
    baseline: 'parse, classify and read the same listener, without analysis',
    ours: () => analyzeListener(readListener(text)),
    base: () => readListener(text),
  },
  {
    name: 'alb: shadow and overlap analysis of a listener of 1,000 rules (parse included)',
    baseline: 'parse, classify and read the same listener, without analysis',
    ours: () => analyzeListener(readListener(bigText)),
    base: () => readListener(bigText),
  },
];
