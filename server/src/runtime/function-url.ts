import { httpIntegrationContentType, splitHttpIntegrationResponse } from './streamed-response';

/**
 * A Lambda function URL (auth type NONE), as AWS's guide "Invoking Lambda
 * function URLs" describes it: an HTTP request becomes an event in payload
 * format 2.0, and the function's result becomes the HTTP response.
 */

/** An HTTP request as it came in. */
export interface UrlRequest {
  readonly method: string;
  /** The request target: the path as sent, with its query. */
  readonly target: string;
  /** Header lines in the order sent, names as sent. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
}

/** Where the URL lives: `https://<urlId>.lambda-url.<region>.on.aws`. */
export interface UrlSite {
  readonly urlId: string;
  readonly region: string;
}

/** Bodies sent as text; every other content type arrives base64-encoded. */
const textType = /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded)\b|application\/[\w.+-]+\+(json|xml)\b)/i;

/** The event Lambda sends for `request` (payload format 2.0). */
export function functionUrlEvent(request: UrlRequest, site: UrlSite, requestId: string, now: Date): Record<string, unknown> {
  const question = request.target.indexOf('?');
  const rawPath = question < 0 ? request.target : request.target.slice(0, question);
  const rawQueryString = question < 0 ? '' : request.target.slice(question + 1);
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    // Cookies arrive in `cookies`, not as a header.
    if (key === 'cookie') cookies.push(...value.split(/;\s*/).filter((c) => c !== ''));
    else headers[key] = key in headers ? `${headers[key]},${value}` : value;
  }
  const query = queryParameters(rawQueryString);
  const contentType = headers['content-type'] ?? '';
  const binary = request.body.length > 0 && !textType.test(contentType);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: site.urlId,
      domainName: `${site.urlId}.lambda-url.${site.region}.on.aws`,
      domainPrefix: site.urlId,
      http: { method: request.method, path: rawPath, protocol: request.protocol, sourceIp: request.sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
    },
    ...(request.body.length ? { body: binary ? request.body.toString('base64') : request.body.toString('utf8') } : {}),
    isBase64Encoded: binary,
  };
}

/** `a=1&a=2&b` → `{ a: '1,2', b: '' }`, values decoded; undefined for no query. */
function queryParameters(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const out: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const key = decode(name);
    out[key] = key in out ? `${out[key]},${decode(value)}` : decode(value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the request time as the event writes it. */
function clfTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${months[date.getUTCMonth()] ?? ''}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** What the client gets. */
export interface UrlResponse {
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Lambda's answer when the function fails or returns what it cannot turn into a response. */
export const internalServerError: UrlResponse = { status: 502, headers: [['content-type', 'application/json']], body: Buffer.from('Internal Server Error') };

/**
 * The HTTP response for a function's result: an object with `statusCode` as
 * it says (headers, `cookies` as Set-Cookie lines, a body decoded when
 * `isBase64Encoded`); any other JSON as a 200 `application/json` response
 * whose body is that JSON.
 */
export function functionUrlResponse(payload: string): UrlResponse {
  let result: unknown;
  try {
    result = JSON.parse(payload);
  } catch {
    return internalServerError;
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result) || !('statusCode' in result)) {
    return { status: 200, headers: [['content-type', 'application/json']], body: Buffer.from(payload) };
  }
  const { statusCode, headers, cookies, body, isBase64Encoded } = result as Record<string, unknown>;
  const status = Number(statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) return internalServerError;
  if (body !== undefined && body !== null && typeof body !== 'string') return internalServerError;
  const lines: Array<[string, string]> = [];
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object' || Array.isArray(headers)) return internalServerError;
    for (const [name, value] of Object.entries(headers)) lines.push([name, String(value)]);
  }
  if (Array.isArray(cookies)) for (const cookie of cookies) lines.push(['set-cookie', String(cookie)]);
  const text = typeof body === 'string' ? body : '';
  return { status, headers: lines, body: isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text) };
}

/**
 * The head of a streamed function URL response, once enough of the stream
 * has come: a function URL response's prelude (status, headers, cookies),
 * or a 200 with the stream's content type. Undefined while the prelude is
 * still incomplete. `rest` is the body that came with it.
 */
export function streamedHead(contentType: string, received: Buffer): { head: Omit<UrlResponse, 'body'>; rest: Buffer } | undefined {
  if (contentType !== httpIntegrationContentType) return { head: { status: 200, headers: [['content-type', contentType]] }, rest: received };
  const split = splitHttpIntegrationResponse(received);
  if (!split) return undefined;
  const response = functionUrlResponse(JSON.stringify({ statusCode: 200, ...split.prelude }));
  return { head: { status: response.status, headers: response.headers }, rest: split.body };
}
