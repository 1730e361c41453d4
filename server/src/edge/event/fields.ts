import { edgeDocs } from '../model/docs';
import { isOriginTrigger, isRequestTrigger, triggers, type Trigger } from '../model/triggers';

/** The objects of a Lambda@Edge event, by role. */
export type ObjectKind = 'cf' | 'config' | 'request' | 'response' | 'body' | 'origin' | 'custom-origin' | 's3-origin';

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** What the event structure documents about one field. */
export interface FieldSpec {
  readonly type: JsonType;
  /** Events of these triggers always carry the field (when its object is there). */
  readonly requiredIn: readonly Trigger[];
  /** Events of these triggers may carry it; others never do. */
  readonly allowedIn: readonly Trigger[];
  readonly access: 'read-only' | 'read/write';
  /** One or two sentences for hover. */
  readonly doc: string;
  readonly docs: string;
  /** The documented spelling this one stands for (`distributionID` in the field list, `distributionId` on the wire). */
  readonly aliasOf?: string;
}

const all = triggers;
const requestTriggers = triggers.filter(isRequestTrigger);
const responseTriggers = triggers.filter((t) => !isRequestTrigger(t));
const originTriggers = triggers.filter(isOriginTrigger);
const none: readonly Trigger[] = [];

function field(type: JsonType, access: FieldSpec['access'], doc: string, docs: string, requiredIn: readonly Trigger[] = all, allowedIn: readonly Trigger[] = all): FieldSpec {
  return { type, access, doc, docs, requiredIn, allowedIn };
}

const configField = (doc: string) => field('string', 'read-only', doc, edgeDocs.configFields);
const originField = (type: JsonType, doc: string) => field(type, 'read/write', doc, edgeDocs.requestFields, originTriggers, originTriggers);

/** Every documented field of every object of a Lambda@Edge event. */
export const fieldSpecs: Readonly<Record<ObjectKind, Readonly<Record<string, FieldSpec>>>> = {
  cf: {
    config: field('object', 'read-only', 'The distribution and the trigger this event comes from.', edgeDocs.configFields),
    request: field('object', 'read/write', 'The request CloudFront received from the viewer (viewer events) or is about to send to the origin (origin events).', edgeDocs.requestFields),
    response: field('object', 'read/write', 'The response from the origin (origin-response) or the one CloudFront is about to return to the viewer (viewer-response).', edgeDocs.responseFields, responseTriggers, responseTriggers),
  },
  config: {
    distributionDomainName: configField('The domain name of the distribution, e.g. `d111111abcdef8.cloudfront.net`.'),
    distributionId: configField('The ID of the distribution, e.g. `EDFDVBD6EXAMPLE`.'),
    distributionID: { ...configField('The ID of the distribution, as the field list in the docs spells it; CloudFront sends `distributionId`.'), requiredIn: none, aliasOf: 'distributionId' },
    eventType: configField('The trigger: `viewer-request`, `origin-request`, `origin-response` or `viewer-response`.'),
    requestId: configField('An encrypted string that identifies the viewer request; also in the access logs as `x-edge-request-id`.'),
  },
  request: {
    clientIp: field('string', 'read-only', 'The IP address of the viewer (or of the proxy or load balancer in front of it), IPv4 or IPv6.', edgeDocs.requestFields),
    headers: field('object', 'read/write', 'The request headers: lower-case names, each an array of `{key, value}`.', edgeDocs.requestFields),
    method: field('string', 'read-only', 'The HTTP method of the request.', edgeDocs.requestFields),
    querystring: field('string', 'read/write', 'The query string without the `?`; an empty string when there is none. Writable in request triggers only.', edgeDocs.queryStrings),
    uri: field('string', 'read/write', 'The path of the requested object; starts with `/`. Changing it does not change the cache behavior or the origin.', edgeDocs.requestFields),
    body: field('object', 'read/write', 'The request body, present when the trigger has "Include body" (viewer and origin request only).', edgeDocs.requestBody, none, requestTriggers),
    origin: originField('object', 'The origin CloudFront sends the request to: exactly one of `custom` or `s3`. Origin triggers only.'),
  },
  response: {
    headers: field('object', 'read/write', 'The response headers: lower-case names, each an array of `{key, value}`.', edgeDocs.responseFields, responseTriggers, responseTriggers),
    status: field('string', 'read/write', 'The HTTP status code, as a string of three digits. A viewer-response function cannot change it.', edgeDocs.responseFields, responseTriggers, responseTriggers),
    statusDescription: field('string', 'read/write', 'The HTTP status description, e.g. `OK`.', edgeDocs.responseFields, responseTriggers, responseTriggers),
  },
  body: {
    inputTruncated: field('boolean', 'read-only', 'Whether CloudFront truncated the body (over 40 KB for viewer request, 1 MB for origin request).', edgeDocs.requestBody, requestTriggers),
    action: field('string', 'read/write', '`read-only` (the default: changes are ignored) or `replace` (send `data` to the origin instead).', edgeDocs.requestFields, requestTriggers),
    encoding: field('string', 'read/write', '`base64` (how CloudFront always exposes the body) or `text`.', edgeDocs.requestFields, requestTriggers),
    data: field('string', 'read/write', 'The body content, encoded as `encoding` says.', edgeDocs.requestFields, requestTriggers),
  },
  origin: {
    // Exactly one of the two: `edge.origin-kind` checks that, not the field table.
    custom: { ...originField('object', 'A custom (HTTP) origin. Exactly one of `custom` and `s3`.'), requiredIn: none },
    s3: { ...originField('object', 'An Amazon S3 origin. Exactly one of `custom` and `s3`.'), requiredIn: none },
  },
  'custom-origin': {
    customHeaders: originField('object', 'Headers CloudFront adds to the origin request; same shape as `headers`, no name may also be in `request.headers`.'),
    domainName: originField('string', 'A DNS name (no IP address, no colon), up to 253 characters.'),
    keepaliveTimeout: originField('number', 'Seconds to keep the connection to the origin open after the response: 1 to 60.'),
    path: originField('string', 'The path prefix at the origin: empty, or starting with `/` and not ending with one.'),
    port: originField('number', 'The origin port: 80, 443 or 1024 to 65535.'),
    protocol: originField('string', '`http` or `https`.'),
    readTimeout: originField('number', 'Seconds to wait for the origin (and between packets): 4 to 60.'),
    sslProtocols: originField('array', 'The SSL/TLS protocols CloudFront may use with the origin: `TLSv1.2`, `TLSv1.1`, `TLSv1`, `SSLv3`.'),
  },
  's3-origin': {
    authMethod: originField('string', '`origin-access-identity` when the bucket is reached with an OAI (then `region` is required), otherwise `none`.'),
    customHeaders: originField('object', 'Headers CloudFront adds to the origin request; same shape as `headers`.'),
    domainName: originField('string', 'The bucket\'s domain name, e.g. `amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com`: lower case, up to 128 characters.'),
    path: originField('string', 'The path prefix in the bucket: empty, or starting with `/` and not ending with one.'),
    region: { ...originField('string', 'The bucket\'s AWS Region; required when `authMethod` is `origin-access-identity`.'), requiredIn: none },
  },
};

/**
 * Keys that belong to CloudFront Functions' event shape; `edge.event-family`
 * reports them, so the generic field checks leave them alone.
 */
export const functionsOnlyFields: Readonly<Partial<Record<ObjectKind, ReadonlySet<string>>>> = {
  cf: new Set(['context', 'viewer', 'version']),
  request: new Set(['cookies']),
  response: new Set(['cookies', 'statusCode']),
};
