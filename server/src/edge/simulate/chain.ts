import { isDisallowedHeader } from '../model/headers';
import type { Trigger } from '../model/triggers';
import { configFor } from '../generate/placeholders';
import { judgeInvoke, type EdgeFunctionConfig, type EdgeRunVerdict, type InvokeOutcome } from '../result/after-invoke';

/** An HTTP request or response as Lambda@Edge events carry them (plain data). */
export type EdgeRequest = Record<string, unknown>;
export type EdgeResponse = { status: string; statusDescription?: string; headers: Record<string, unknown>; body?: string; bodyEncoding?: string };

/** How the chain reaches the outside: running a trigger's function, and asking the origin. */
export interface ChainRunner {
  /** Runs the function associated with `trigger` on the event (JSON text), as a local invoke does. */
  invoke(trigger: Trigger, eventText: string): Promise<InvokeOutcome>;
  /** Sends the request (as CloudFront would after origin-request) to the origin. */
  fetchOrigin(request: EdgeRequest): Promise<EdgeResponse>;
}

/** What to simulate: the viewer's request and which triggers have a function (with its configuration). */
export interface ChainSetup {
  /** The viewer's request, as in a viewer-request event. */
  readonly request: EdgeRequest;
  readonly functions: Partial<Record<Trigger, EdgeFunctionConfig>>;
  /** The origin of the cache behavior, as `request.origin` holds it (`{custom: {...}}` or `{s3: {...}}`). */
  readonly origin: Record<string, unknown>;
  /** The domain name the origin request's Host carries. */
  readonly originDomain: string;
}

/** One step of the chain: a trigger's run, what went in and came out, and CloudFront's verdict; or why it did not run. */
export type ChainStep =
  | { readonly trigger: Trigger; readonly ran: true; readonly event: unknown; readonly outcome: InvokeOutcome; readonly verdict: EdgeRunVerdict }
  | { readonly trigger: Trigger; readonly ran: false; readonly reason: string }
  | { readonly trigger: 'origin'; readonly ran: true; readonly request: EdgeRequest; readonly response: EdgeResponse };

/** The whole simulation: every step, and what the viewer finally gets. */
export interface ChainReport {
  readonly steps: readonly ChainStep[];
  readonly viewerResponse: EdgeResponse;
}

/**
 * CloudFront's path for one request on a cache miss: viewer-request, then
 * origin-request, the origin, origin-response, viewer-response; each
 * function's result judged as CloudFront judges it, a rejected one ending
 * the chain with the error the viewer would get.
 */
export async function simulateChain(setup: ChainSetup, runner: ChainRunner): Promise<ChainReport> {
  const steps: ChainStep[] = [];
  const run = async (trigger: Trigger, cf: Record<string, unknown>): Promise<{ value: unknown } | { error: EdgeResponse } | undefined> => {
    const config = setup.functions[trigger];
    if (!config) {
      steps.push({ trigger, ran: false, reason: 'no function is associated with this trigger' });
      return undefined;
    }
    const event = { Records: [{ cf: { config: configFor(trigger), ...cf } }] };
    const outcome = await runner.invoke(trigger, JSON.stringify(event));
    const verdict = judgeInvoke(trigger, event, outcome, config);
    steps.push({ trigger, ran: true, event, outcome, verdict });
    if (verdict.viewerError) return { error: errorResponse(verdict.viewerError.status, verdict.viewerError.errorType) };
    return { value: JSON.parse(outcome.payload) as unknown };
  };

  // Viewer request: the function may change the request or answer itself.
  let viewerRequest = setup.request;
  const vr = await run('viewer-request', { request: viewerRequest });
  if (vr && 'error' in vr) return { steps, viewerResponse: vr.error };
  if (vr && isResponse(vr.value)) {
    steps.push({ trigger: 'origin-request', ran: false, reason: 'the viewer-request function generated the response' });
    steps.push({ trigger: 'origin-response', ran: false, reason: 'the viewer-request function generated the response' });
    steps.push({ trigger: 'viewer-response', ran: false, reason: 'CloudFront runs no viewer-response function on a response generated in viewer-request' });
    return { steps, viewerResponse: vr.value };
  }
  if (vr) viewerRequest = vr.value as EdgeRequest;

  // Cache miss: CloudFront forwards the request to the origin, as its own client.
  let originRequest = forOrigin(viewerRequest, setup);
  let response: EdgeResponse;
  const or = await run('origin-request', { request: originRequest });
  if (or && 'error' in or) return { steps, viewerResponse: or.error };
  if (or && isResponse(or.value)) {
    response = or.value;
    steps.push({ trigger: 'origin-response', ran: false, reason: 'the origin-request function generated the response' });
  } else {
    if (or) originRequest = or.value as EdgeRequest;
    const fromOrigin = await runner.fetchOrigin(originRequest);
    steps.push({ trigger: 'origin', ran: true, request: originRequest, response: fromOrigin });
    // The function never sees the origin's body, nor the headers CloudFront keeps from functions.
    const { body, bodyEncoding, ...seen } = fromOrigin;
    const oresp = await run('origin-response', { request: originRequest, response: { ...seen, headers: exposedHeaders(seen.headers) } });
    if (oresp && 'error' in oresp) return { steps, viewerResponse: oresp.error };
    response = oresp ? (oresp.value as EdgeResponse) : fromOrigin;
    // A function that sets no body leaves the origin's.
    if (oresp && response.body === undefined && body !== undefined) response = { ...response, body, ...(bodyEncoding !== undefined ? { bodyEncoding } : {}) };
  }

  if (Number(response.status) >= 400) {
    steps.push({ trigger: 'viewer-response', ran: false, reason: `CloudFront runs no viewer-response function when the status is ${response.status} (400 or more)` });
    return { steps, viewerResponse: response };
  }
  const { body, bodyEncoding, ...seen } = response;
  const vresp = await run('viewer-response', { request: viewerRequest, response: { ...seen, headers: exposedHeaders(seen.headers) } });
  if (vresp && 'error' in vresp) return { steps, viewerResponse: vresp.error };
  if (!vresp) return { steps, viewerResponse: response };
  const returned = vresp.value as EdgeResponse;
  return { steps, viewerResponse: returned.body === undefined && body !== undefined ? { ...returned, body, ...(bodyEncoding !== undefined ? { bodyEncoding } : {}) } : returned };
}

/** The headers a function sees: all but the disallowed ones. */
function exposedHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isDisallowedHeader(name)));
}

function isResponse(value: unknown): value is EdgeResponse {
  return typeof value === 'object' && value !== null && 'status' in value;
}

/**
 * The request as CloudFront forwards it: to the origin's Host, through its
 * Via, with the viewer's address in X-Forwarded-For (the viewer's other
 * headers kept, as an origin request policy forwarding all of them would).
 */
function forOrigin(request: EdgeRequest, setup: ChainSetup): EdgeRequest {
  const headers = { ...(request['headers'] as Record<string, unknown> | undefined) };
  headers['host'] = [{ key: 'Host', value: setup.originDomain }];
  headers['via'] = [{ key: 'Via', value: '2.0 9e0a3c5e2b1f4d6a8c7b0e1d2f3a4b5c.cloudfront.net (CloudFront)' }];
  headers['x-forwarded-for'] = [{ key: 'X-Forwarded-For', value: String(request['clientIp'] ?? '') }];
  return { ...request, headers, origin: setup.origin };
}

/** The error page CloudFront sends the viewer when a function fails. */
function errorResponse(status: 502 | 503, errorType: string): EdgeResponse {
  const description = status === 502 ? 'Bad Gateway' : 'Service Unavailable';
  return {
    status: String(status),
    statusDescription: description,
    headers: { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] },
    body: `${status} ERROR: The request could not be satisfied (${errorType}).`,
  };
}
