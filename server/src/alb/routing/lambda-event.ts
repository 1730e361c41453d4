import type { AlbRequest } from './request';
import type { RouteTrace } from './route';

/**
 * The event an Application Load Balancer sends a Lambda target, as documented
 * in "Use Lambda functions as targets of an Application Load Balancer":
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 * Either the single-value maps or the multi-value ones are present, never both.
 */
export interface AlbLambdaEvent {
  readonly requestContext: { readonly elb: { readonly targetGroupArn: string } };
  readonly httpMethod: string;
  readonly path: string;
  readonly queryStringParameters?: Readonly<Record<string, string>>;
  readonly multiValueQueryStringParameters?: Readonly<Record<string, readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[]>>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

/** How the target group and the client shape the event. */
export interface LambdaTargetOptions {
  /** The target group's `lambda.multi_value_headers.enabled` attribute. */
  readonly multiValueHeaders: boolean;
  /** The request body as the client sent it; none for a GET. */
  readonly body?: string;
  /** The `X-Amzn-Trace-Id` the load balancer adds (`Root=1-...`). */
  readonly traceId: string;
}

/** Where the request went: the rule that forwarded it, the target group it landed on, and the event the function gets. */
export interface LambdaTargetInvoke {
  readonly rule: string;
  readonly targetGroupArn: string;
  readonly event: AlbLambdaEvent;
}

/** Content types whose body the load balancer passes as is; every other body is base64-encoded. */
const textContent = /^\s*(?:text\/[^;\s]*|application\/(?:json|javascript|xml))\s*(?:;|$)/i;

/**
 * The event for a routed request, or why no function is invoked (the load
 * balancer answers itself with a redirect or fixed response, or no rule
 * applies). Headers and query parameters follow the forwarding rule's
 * transforms; names are lower-cased, values are passed as sent (ALB decodes
 * nothing); without multi-value headers the last of repeated names wins.
 */
export function lambdaTargetEvent(trace: RouteTrace, options: LambdaTargetOptions): LambdaTargetInvoke | { readonly problem: string } {
  const outcome = trace.outcome;
  const rule = trace.winner === undefined ? undefined : trace.rules[trace.winner]?.label;
  switch (outcome.kind) {
    case 'none':
      return { problem: `the load balancer invokes no function: ${outcome.reason}` };
    case 'redirect':
      return { problem: `the load balancer answers this request itself: ${rule ?? 'the chosen rule'} redirects it (${outcome.status}) to ${outcome.location}` };
    case 'fixed-response':
      return { problem: `the load balancer answers this request itself: ${rule ?? 'the chosen rule'} returns a fixed response (${outcome.status})` };
    case 'forward':
      break;
  }
  if (outcome.chosen === undefined) return { problem: `${rule ?? 'the chosen rule'} forwards to no target group (every weight is 0)` };
  const forwarded = outcome.forwarded;
  const headerLines = targetHeaders(trace.request, forwarded.host, options.traceId);
  const queryPairs = forwarded.query === '' ? [] : forwarded.query.split('&').map(splitPair);
  const { body, isBase64Encoded } = encodeBody(options.body, headerLines);
  const common = { requestContext: { elb: { targetGroupArn: outcome.chosen } }, httpMethod: trace.request.method, path: forwarded.path };
  const event: AlbLambdaEvent = options.multiValueHeaders
    ? { ...common, multiValueQueryStringParameters: grouped(queryPairs), multiValueHeaders: grouped(headerLines), body, isBase64Encoded }
    : { ...common, queryStringParameters: lastWins(queryPairs), headers: lastWins(headerLines), body, isBase64Encoded };
  return { rule: rule ?? 'the chosen rule', targetGroupArn: outcome.chosen, event };
}

/** The client's headers (Host as forwarded) plus the ones the load balancer adds, as [lower-case name, value] pairs. */
function targetHeaders(request: AlbRequest, host: string, traceId: string): Array<[string, string]> {
  const client = request.sourceIp ?? '127.0.0.1';
  const lines: Array<[string, string]> = [];
  let forwardedFor: string | undefined;
  for (const { name, value } of request.headers) {
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? value : `${forwardedFor}, ${value}`;
    else if (lower === 'host') lines.push(['host', host]);
    else if (lower !== 'x-forwarded-port' && lower !== 'x-forwarded-proto' && lower !== 'x-amzn-trace-id') lines.push([lower, value]);
  }
  // ALB appends the client's address to an X-Forwarded-For the client sent.
  lines.push(['x-amzn-trace-id', traceId], ['x-forwarded-for', forwardedFor === undefined ? client : `${forwardedFor}, ${client}`], ['x-forwarded-port', String(request.port)], ['x-forwarded-proto', request.scheme]);
  return lines;
}

function splitPair(pair: string): [string, string] {
  const eq = pair.indexOf('=');
  return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
}

function encodeBody(body: string | undefined, headers: ReadonlyArray<[string, string]>): { body: string; isBase64Encoded: boolean } {
  if (body === undefined || body === '') return { body: '', isBase64Encoded: false };
  const contentType = headers.findLast(([name]) => name === 'content-type')?.[1] ?? '';
  return textContent.test(contentType) ? { body, isBase64Encoded: false } : { body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true };
}

function lastWins(pairs: ReadonlyArray<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of pairs) out[name] = value;
  return out;
}

function grouped(pairs: ReadonlyArray<[string, string]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of pairs) (out[name] ??= []).push(value);
  return out;
}
