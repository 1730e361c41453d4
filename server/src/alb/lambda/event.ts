import type { AlbRequest, HeaderLine } from '../routing/request';
import { lambdaDocs, maxBodyBytes, errorPage, type TargetAnswer } from './limits';

/**
 * The event an Application Load Balancer invokes a Lambda target with, field
 * for field as the ELB user guide shows it ("Lambda functions as targets").
 * Exactly one of each pair is present: the multi-value forms when the target
 * group has `lambda.multi_value_headers.enabled`, the single-value ones otherwise.
 */
export interface AlbLambdaEvent {
  readonly requestContext: { readonly elb: { readonly targetGroupArn: string } };
  readonly httpMethod: string;
  readonly path: string;
  readonly queryStringParameters?: Readonly<Record<string, string>>;
  readonly multiValueQueryStringParameters?: Readonly<Record<string, readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[]>>;
  readonly isBase64Encoded: boolean;
  readonly body: string;
}

/** The target group a request is forwarded to, as far as the event depends on it. */
export interface LambdaTargetGroup {
  readonly arn: string;
  /** The target group attribute `lambda.multi_value_headers.enabled`. */
  readonly multiValueHeaders: boolean;
}

/** The request the target receives: after the rule's host and URL rewrites. */
export interface ForwardedRequest {
  readonly host: string;
  readonly path: string;
  readonly query: string;
}

/**
 * The event, or the load balancer's own answer when it does not invoke the
 * function (a body over 1 MB: 413, `LambdaRequestTooLarge`).
 */
export type EventBuild = { readonly kind: 'event'; readonly event: AlbLambdaEvent } | { readonly kind: 'rejected'; readonly answer: TargetAnswer };

/** A fresh X-Ray style id, `1-<epoch seconds, 8 hex>-<24 hex>`; passed in so that events are reproducible in tests. */
export type TraceIdSource = () => string;

/**
 * Builds the event ALB sends for `request`, forwarded as `forwarded` to a
 * Lambda target of `group`. Header names lower-cased; query parameters split
 * on `&` and `=` but not URL-decoded; without multi-value headers the last
 * value of a repeated header or parameter wins. ALB adds `x-amzn-trace-id`
 * and the `x-forwarded-*` headers. The body is sent as is for text content
 * types and base64-encoded for every other type.
 */
export function buildAlbEvent(request: AlbRequest, forwarded: ForwardedRequest, group: LambdaTargetGroup, newTraceId: TraceIdSource): EventBuild {
  const body = request.bodyBase64 !== undefined ? Buffer.from(request.bodyBase64, 'base64') : Buffer.from(request.body ?? '', 'utf8');
  if (body.length > maxBodyBytes) {
    return {
      kind: 'rejected',
      answer: {
        response: errorPage(413, 'Request Entity Too Large'),
        failure: { code: 'LambdaRequestTooLarge', message: `the request body is ${body.length.toLocaleString('en-US')} bytes; ALB sends a Lambda function at most ${maxBodyBytes.toLocaleString('en-US')} (1 MB)`, docs: lambdaDocs },
        notes: [],
      },
    };
  }
  const headers = forwardedHeaders(request, forwarded, newTraceId);
  const query = queryParameters(forwarded.query);
  const contentType = lastValue(headers, 'content-type');
  const binary = body.length > 0 && !sentAsText(contentType);
  return {
    kind: 'event',
    event: {
      requestContext: { elb: { targetGroupArn: group.arn } },
      httpMethod: request.method,
      path: forwarded.path,
      ...(group.multiValueHeaders ? { multiValueQueryStringParameters: grouped(query) } : { queryStringParameters: lastWins(query) }),
      ...(group.multiValueHeaders ? { multiValueHeaders: grouped(headers) } : { headers: lastWins(headers) }),
      isBase64Encoded: binary,
      body: binary ? body.toString('base64') : body.toString('utf8'),
    },
  };
}

/** The content types whose bodies ALB passes as they are (`isBase64Encoded: false`); parameters such as `charset` do not matter. */
export function sentAsText(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return media.startsWith('text/') || media === 'application/json' || media === 'application/javascript' || media === 'application/xml';
}

/** `key=value` pairs of a query string in order, as sent: `+` and `%XX` stay as they are; a key without `=` has the empty value. */
export function queryParameters(query: string): Array<[string, string]> {
  return query
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const eq = piece.indexOf('=');
      return eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
    });
}

/**
 * The client's headers as given (lower-cased; none is invented, not even
 * Content-Length), with the Host the rule's rewrite chose and the headers ALB adds.
 */
function forwardedHeaders(request: AlbRequest, forwarded: ForwardedRequest, newTraceId: TraceIdSource): Array<[string, string]> {
  const headers: Array<[string, string]> = request.headers.map((h: HeaderLine) => [h.name.toLowerCase(), h.name.toLowerCase() === 'host' ? forwarded.host : h.value]);
  const client = request.sourceIp ?? defaultClientIp;
  const sentTrace = lastValue(headers, 'x-amzn-trace-id');
  const sentFor = headers.filter(([name]) => name === 'x-forwarded-for').map(([, value]) => value);
  const kept = headers.filter(([name]) => !['x-amzn-trace-id', 'x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto'].includes(name));
  return [
    ...kept,
    ['x-amzn-trace-id', traceHeader(sentTrace, newTraceId)],
    ['x-forwarded-for', [...sentFor, client].join(', ')],
    ['x-forwarded-port', String(request.port)],
    ['x-forwarded-proto', request.scheme],
  ];
}

/** The client address assumed when the request does not give one (`--source-ip`). */
export const defaultClientIp = '127.0.0.1';

/**
 * `X-Amzn-Trace-Id` as ALB forwards it: a new `Root` when the client sent
 * none; a `Self` field inserted before a client's `Root`, or updated in place.
 */
export function traceHeader(sent: string | undefined, newTraceId: TraceIdSource): string {
  if (sent === undefined || !/(^|;)\s*(Root|Self)=/.test(sent)) return `Root=${newTraceId()}`;
  if (/(^|;)\s*Self=/.test(sent)) return sent.replace(/((?:^|;)\s*Self=)[^;]*/, `$1${newTraceId()}`);
  return `Self=${newTraceId()};${sent}`;
}

/** `1-<epoch seconds in 8 hex>-<24 hex>`, the form of the ids ALB writes. */
export function traceIdAt(epochSeconds: number, random24Hex: string): string {
  return `1-${Math.floor(epochSeconds).toString(16).padStart(8, '0')}-${random24Hex}`;
}

function lastValue(pairs: ReadonlyArray<[string, string]>, name: string): string | undefined {
  return pairs.filter(([key]) => key === name).at(-1)?.[1];
}

// Objects without a prototype, so that a parameter named `__proto__` is just a key.
function lastWins(pairs: ReadonlyArray<[string, string]>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of pairs) out[key] = value;
  return out;
}

function grouped(pairs: ReadonlyArray<[string, string]>): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of pairs) (out[key] ??= []).push(value);
  return out;
}
