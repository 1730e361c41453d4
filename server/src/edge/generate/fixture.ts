import { headerKeyAsSent } from '../model/headers';
import { isOriginTrigger, isRequestTrigger, type Trigger } from '../model/triggers';
import { configFor, placeholders } from './placeholders';

export type OriginType = 's3' | 'custom';

/** What to generate: the trigger, and optionally what the request looks like. */
export interface FixtureOptions {
  readonly trigger: Trigger;
  /** The origin behind the distribution; shapes `origin`, the Host CloudFront sends and the response headers. Default: custom. */
  readonly origin?: OriginType;
  /** Default GET, or POST when there is a body. */
  readonly method?: string;
  /** Path with an optional `?query`. Default `/index.html`. */
  readonly uri?: string;
  /** A request body as text; request triggers carry it as "Include body" does (base64). */
  readonly body?: string;
}

/** One header entry as CloudFront sends it. */
type Headers = Record<string, Array<{ key: string; value: string }>>;

const originDomains: Readonly<Record<OriginType, string>> = {
  custom: 'www.example.org',
  s3: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com',
};

/**
 * A Lambda@Edge event as CloudFront would send it for the trigger: every
 * field the event structure documents, headers a browser and CloudFront
 * really send, and nothing CloudFront keeps from functions.
 */
export function generateEvent(options: FixtureOptions): { Records: Array<{ cf: Record<string, unknown> }> } {
  const { trigger } = options;
  const origin = options.origin ?? 'custom';
  const cf: Record<string, unknown> = { config: configFor(trigger), request: request(options, origin) };
  if (!isRequestTrigger(trigger)) cf['response'] = response(origin);
  return { Records: [{ cf }] };
}

/** The event as the JSON text of a fixture file. */
export function generateEventText(options: FixtureOptions): string {
  return `${JSON.stringify(generateEvent(options), null, 2)}\n`;
}

function request(options: FixtureOptions, origin: OriginType): Record<string, unknown> {
  const { trigger } = options;
  const [path = '/index.html', query = ''] = (options.uri ?? '/index.html').split(/\?(.*)/s);
  const body = isRequestTrigger(trigger) ? options.body : undefined;
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const viewerSide = trigger === 'viewer-request' || trigger === 'viewer-response';
  const headers = viewerSide ? viewerHeaders(body) : originRequestHeaders(origin, body);
  const out: Record<string, unknown> = {
    clientIp: placeholders.clientIp,
    headers,
    method,
    querystring: query,
    uri: path.startsWith('/') ? path : `/${path}`,
  };
  if (body !== undefined) {
    out['body'] = { action: 'read-only', data: Buffer.from(body).toString('base64'), encoding: 'base64', inputTruncated: false };
  }
  if (isOriginTrigger(trigger)) out['origin'] = originObject(origin);
  return out;
}

/** What a current browser sends. */
function viewerHeaders(body: string | undefined): Headers {
  return headers({
    host: placeholders.distributionDomainName,
    'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'en-US,en;q=0.9',
    ...bodyHeaders(body),
  });
}

/** What CloudFront sends the origin: its own user agent and Via, the origin's Host, the viewer's address. */
function originRequestHeaders(origin: OriginType, body: string | undefined): Headers {
  return headers({
    'x-forwarded-for': placeholders.clientIp,
    'user-agent': 'Amazon CloudFront',
    via: '2.0 9e0a3c5e2b1f4d6a8c7b0e1d2f3a4b5c.cloudfront.net (CloudFront)',
    host: originDomains[origin],
    'accept-encoding': 'br,gzip',
    ...bodyHeaders(body),
  });
}

function bodyHeaders(body: string | undefined): Record<string, string> {
  if (body === undefined) return {};
  return { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) };
}

/** The `origin` CloudFront sends origin triggers, for an S3 bucket or a custom origin. */
export function originObject(origin: OriginType): Record<string, unknown> {
  if (origin === 's3') {
    return { s3: { authMethod: 'none', customHeaders: {}, domainName: originDomains.s3, path: '', region: 'us-east-1' } };
  }
  return {
    custom: {
      customHeaders: {},
      domainName: originDomains.custom,
      keepaliveTimeout: 5,
      path: '',
      port: 443,
      protocol: 'https',
      readTimeout: 30,
      sslProtocols: ['TLSv1.2'],
    },
  };
}

/** A 200 from the origin, with the headers S3 or a web server send. */
function response(origin: OriginType): Record<string, unknown> {
  const common = {
    date: 'Tue, 02 Jul 2024 09:30:00 GMT',
    'last-modified': 'Mon, 01 Jul 2024 18:04:12 GMT',
    etag: '"6805f2cfc46c0f04559748bb039d69ae"',
    'content-type': 'text/html; charset=utf-8',
    'content-length': '5120',
  };
  const byOrigin =
    origin === 's3'
      ? { 'x-amz-id-2': 'Yc5b6iDo1k2PyX9ZqPKq6z0lC3nWYGv1bqnTNw5wAuE4XfX6JZQ8Wn0VYHZFQ8Vx9xq0CL3zhG0=', 'x-amz-request-id': 'N5WZ3B5C3Z1X7Y0Q', 'x-amz-server-side-encryption': 'AES256', 'accept-ranges': 'bytes', server: 'AmazonS3' }
      : { 'cache-control': 'max-age=300', server: 'nginx' };
  return { headers: headers({ ...common, ...byOrigin }), status: '200', statusDescription: 'OK' };
}

function headers(values: Readonly<Record<string, string>>): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(values)) out[name] = [{ key: headerKeyAsSent(name), value }];
  return out;
}
