import { isRequestTrigger, type Trigger } from './triggers';

/**
 * Headers CloudFront never exposes to edge functions and rejects when a
 * function adds them ("Disallowed headers"). Lower case, as map keys are.
 */
const disallowedNames: ReadonlySet<string> = new Set([
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'trailer',
  'upgrade',
  'x-accel-buffering',
  'x-accel-charset',
  'x-accel-limit-rate',
  'x-accel-redirect',
  'x-amzn-auth',
  'x-amzn-cf-billing',
  'x-amzn-cf-id',
  'x-amzn-cf-xff',
  'x-amzn-errortype',
  'x-amzn-fle-profile',
  'x-amzn-header-count',
  'x-amzn-header-order',
  'x-amzn-lambda-integration-tag',
  'x-amzn-requestid',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);
const disallowedPrefixes: readonly string[] = ['x-amz-cf-', 'x-edge-'];

/** True for a header CloudFront keeps from edge functions, `X-Amz-Cf-*` and `X-Edge-*` included. */
export function isDisallowedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return disallowedNames.has(lower) || disallowedPrefixes.some((prefix) => lower.startsWith(prefix));
}

/** Headers a function may read but not add, change or remove, per trigger ("Read-only headers"). */
const readOnlyByTrigger: Readonly<Record<Trigger, ReadonlySet<string>>> = {
  'viewer-request': new Set(['content-length', 'host', 'transfer-encoding', 'via']),
  'origin-request': new Set([
    'accept-encoding',
    'content-length',
    'if-modified-since',
    'if-none-match',
    'if-range',
    'if-unmodified-since',
    'transfer-encoding',
    'via',
  ]),
  'origin-response': new Set(['transfer-encoding', 'via']),
  'viewer-response': new Set(['warning', 'via']),
};

export function isReadOnlyHeader(trigger: Trigger, name: string): boolean {
  return readOnlyByTrigger[trigger].has(name.toLowerCase());
}

export function readOnlyHeaders(trigger: Trigger): readonly string[] {
  return [...readOnlyByTrigger[trigger]];
}

/**
 * Headers CloudFront itself adds (device type, viewer location, protocol...),
 * after the viewer request event: viewer-facing functions only see them when
 * the viewer sent a header of that name.
 */
function isCloudFrontAddedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'cloudfront-forwarded-proto' ||
    lower.startsWith('cloudfront-viewer-') ||
    (lower.startsWith('cloudfront-is-') && lower.endsWith('-viewer'))
  );
}

/** Where a header map sits in an event or a result. */
export type HeaderMapPlace = 'request' | 'response' | 'origin';

/** What a function triggered by `trigger` may do with a header in the request or response it receives. */
export type HeaderAccess =
  | { readonly kind: 'disallowed' }
  | { readonly kind: 'read-only' }
  /** Added by CloudFront after viewer request; a viewer-request function that adds it fails validation when `rejectedIfAdded`. */
  | { readonly kind: 'not-yet-added'; readonly rejectedIfAdded: boolean }
  | { readonly kind: 'read-write' };

export function headerAccess(trigger: Trigger, place: HeaderMapPlace, name: string): HeaderAccess {
  if (isDisallowedHeader(name)) return { kind: 'disallowed' };
  const ownPlace = isRequestTrigger(trigger) ? 'request' : 'response';
  if (place === ownPlace && isReadOnlyHeader(trigger, name)) return { kind: 'read-only' };
  if (place === 'request' && (trigger === 'viewer-request' || trigger === 'viewer-response') && isCloudFrontAddedHeader(name)) {
    return { kind: 'not-yet-added', rejectedIfAdded: trigger === 'viewer-request' && name.toLowerCase() === 'cloudfront-viewer-country' };
  }
  return { kind: 'read-write' };
}

/**
 * The `key` Lambda@Edge inserts when a function leaves it out: each
 * hyphen-separated part capitalised (`x-custom-header` → `X-Custom-Header`).
 */
function canonicalHeaderKey(name: string): string {
  return name
    .split('-')
    .map((part) => (part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

/** Names CloudFront and origins spell otherwise than capitalised parts: CloudFront's own headers, S3's lower-case ones. */
const wireSpellings: Readonly<Record<string, string>> = {
  etag: 'ETag',
  'x-amz-id-2': 'x-amz-id-2',
  'x-amz-request-id': 'x-amz-request-id',
  'x-amz-server-side-encryption': 'x-amz-server-side-encryption',
};

/**
 * A header's name as its sender writes it: `CloudFront-Is-Tablet-Viewer`,
 * `CloudFront-Viewer-Country`, S3's `x-amz-request-id`, otherwise each part
 * capitalised.
 */
export function headerKeyAsSent(name: string): string {
  const lower = name.toLowerCase();
  const known = wireSpellings[lower];
  if (known !== undefined) return known;
  const canonical = canonicalHeaderKey(name);
  return lower.startsWith('cloudfront-') ? `CloudFront-${canonical.slice('cloudfront-'.length)}` : canonical;
}
