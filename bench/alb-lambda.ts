import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAlbEvent } from '../server/src/alb/lambda/event';
import { exchangeWithLambda, forwardedTarget } from '../server/src/alb/lambda/exchange';
import { readAlbRegion } from '../server/src/alb/model/read';
import type { ListenerModel } from '../server/src/alb/model/types';
import { defaultRoutingOptions } from '../server/src/alb/routing/options';
import { parseRequest } from '../server/src/alb/routing/request';
import { routeRequest } from '../server/src/alb/routing/route';
import { parseJsonDocument } from '../server/src/document/json';
import { classifyTree } from '../server/src/workbench';
import { functionConfig } from '../server/src/runtime/config';
import { LocalFunction } from '../server/src/runtime/local-function';
import { answerFromResult } from '../server/src/alb/lambda/response';
import type { AsyncMeasurement, Measurement } from './measurement';
import { startEnvironment } from './runtime-tools';

const repoRoot = resolve(__dirname, '../..');
const root = join(repoRoot, 'examples/handlers');
const config = functionConfig({ root, handler: 'alb-target.handler', bootstrapScript: join(repoRoot, 'dist/runtime-bootstrap.js'), inheritedEnvironment: { PATH: startEnvironment['PATH'] } });

const document = parseJsonDocument(readFileSync(join(repoRoot, 'examples/alb/lambda-targets.json'), 'utf8'));
const region = classifyTree(document.root).regions[0];
if (!region) throw new Error('examples/alb/lambda-targets.json is not ALB rules');
const listener = readAlbRegion(region).listeners[0] as ListenerModel;
const parsed = parseRequest({ method: 'POST', url: 'https://example.com/api/echo?x=1&x=2', headers: ['Content-Type: application/json', 'Cookie: a=1'], body: '{"name":"bench"}' });
if (!('request' in parsed)) throw new Error(parsed.problem.message);
const request = parsed.request;
const traceId = () => '1-5bdb40ca-556d8b0c50dc66f0511bf520';

/** The event, built once: what a harness that hand-writes ALB events sends. */
const route = routeRequest(listener, request, defaultRoutingOptions);
const target = forwardedTarget(route);
if (!target) throw new Error('the bench request is not forwarded');
const built = buildAlbEvent(request, target.forwarded, { arn: target.arn, multiValueHeaders: false }, traceId);
if (built.kind !== 'event') throw new Error('the bench event was rejected');
const prebuilt = JSON.stringify(built.event);

let fn: LocalFunction | undefined;

/** A result as handlers return it: JSON with a JSON body. */
const result = JSON.stringify({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ok: true, items: Array.from({ length: 10 }, (_, i) => ({ id: i, name: `item ${i}` })) }) });

export const measurements: Array<Measurement | AsyncMeasurement> = [
  {
    name: 'alb: the Lambda target layer alone, 1,000 requests (route, build the event, convert the result; no invoke)',
    baseline: 'JSON.stringify of a prebuilt event and JSON.parse of the result, as a hand-written harness does',
    opsPerCall: 1000,
    ours: () => {
      for (let i = 0; i < 1000; i++) {
        const trace = routeRequest(listener, request, defaultRoutingOptions);
        const forwarded = forwardedTarget(trace);
        if (!forwarded) throw new Error('not forwarded');
        const event = buildAlbEvent(trace.request, forwarded.forwarded, { arn: forwarded.arn, multiValueHeaders: false }, traceId);
        if (event.kind !== 'event') throw new Error('rejected');
        JSON.stringify(event.event);
        answerFromResult(result, false);
      }
    },
    base: () => {
      for (let i = 0; i < 1000; i++) {
        JSON.stringify(built.event);
        JSON.parse(result);
      }
    },
  },
  {
    name: 'alb: a request through a Lambda target (route, build the event, warm invoke, convert the result)',
    baseline: 'the same warm invoke with a prebuilt event, result unread',
    setup: async () => {
      fn = new LocalFunction(config, () => {});
      for (let i = 0; i < 2000; i++) await fn.invoke({ payload: prebuilt });
    },
    teardown: async () => {
      await fn?.shutdown();
    },
    ours: async () => {
      const trace = routeRequest(listener, request, defaultRoutingOptions);
      const forwarded = forwardedTarget(trace);
      if (!forwarded) throw new Error('not forwarded');
      const exchange = await exchangeWithLambda(trace, forwarded.forwarded, { arn: forwarded.arn, multiValueHeaders: false }, (payload) => fn!.invoke({ payload }), traceId);
      if (exchange.answer.response.status !== 200) throw new Error(`the handler answered ${exchange.answer.response.status}`);
    },
    base: () => fn!.invoke({ payload: prebuilt }),
  },
];
