import { isTrigger, triggers, type Trigger } from '../model/triggers';
import type { EdgeResponse } from './chain';

/** Where the origin's answer comes from: a fixed response, or an HTTP server on this machine. */
export type OriginSource = { readonly kind: 'response'; readonly response: EdgeResponse } | { readonly kind: 'url'; readonly url: URL };

/** The `edge` section of lambda-workbench.json: the handler of each trigger, and the origin. */
export interface ChainFile {
  /** Handler strings (`edge/viewer.handler`), relative to the folder of lambda-workbench.json. */
  readonly handlers: Partial<Record<Trigger, string>>;
  readonly source: OriginSource;
  /** `request.origin` as origin triggers see it. */
  readonly origin: Record<string, unknown>;
  /** The origin's domain name: the Host CloudFront sends it. */
  readonly originDomain: string;
}

const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the `edge` section of lambda-workbench.json. Every mistake is
 * described (with its place) and nothing is guessed:
 *
 *     "edge": {
 *       "viewer-request": "edge/handlers/route.handler",
 *       "origin": { "type": "custom", "domainName": "www.example.org",
 *                   "url": "http://127.0.0.1:8080" | "response": { "status": "200", ... } }
 *     }
 */
export function parseChainFile(raw: unknown, where: string): { file: ChainFile | undefined; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(raw)) return { file: undefined, problems: [`${where} must be an object with a handler per trigger and an "origin"`] };
  const handlers: Partial<Record<Trigger, string>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'origin') continue;
    if (!isTrigger(key)) problems.push(`${where}.${key} is neither a trigger (${triggers.join(', ')}) nor "origin"`);
    else if (typeof value !== 'string' || !/\.[^./\\]+$/.test(value)) problems.push(`${where}.${key} must be a handler string such as "edge/index.handler"`);
    else handlers[key] = value;
  }
  const origin = raw['origin'];
  if (!isObject(origin)) {
    problems.push(`${where}.origin must be an object with "url" (a server on this machine) or "response" (a fixed response)`);
    return { file: undefined, problems };
  }
  const type = origin['type'] ?? 'custom';
  if (type !== 'custom' && type !== 's3') problems.push(`${where}.origin.type must be "custom" or "s3"`);
  const domainName = origin['domainName'] ?? (type === 's3' ? 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com' : 'www.example.org');
  if (typeof domainName !== 'string' || domainName === '') problems.push(`${where}.origin.domainName must be a domain name`);
  const source = sourceOf(origin, `${where}.origin`, problems);
  for (const key of Object.keys(origin)) {
    if (!['type', 'domainName', 'url', 'response'].includes(key)) problems.push(`${where}.origin.${key} is not a known setting (type, domainName, url, response)`);
  }
  if (problems.length || !source || typeof domainName !== 'string') return { file: undefined, problems };
  return { file: { handlers, source, origin: originObject(type === 's3' ? 's3' : 'custom', domainName), originDomain: domainName }, problems };
}

function sourceOf(origin: Record<string, unknown>, where: string, problems: string[]): OriginSource | undefined {
  const { url, response } = origin;
  if ((url === undefined) === (response === undefined)) {
    problems.push(`${where} needs exactly one of "url" and "response"`);
    return undefined;
  }
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = typeof url === 'string' ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) problems.push(`${where}.url must be an http or https URL`);
    else if (!loopbackHosts.has(parsed.hostname)) problems.push(`${where}.url must point at this machine (localhost, 127.0.0.1 or [::1]), not ${parsed.hostname}`);
    else return { kind: 'url', url: parsed };
    return undefined;
  }
  if (!isObject(response) || typeof response['status'] !== 'string' || (response['headers'] !== undefined && !isObject(response['headers'])) || (response['body'] !== undefined && typeof response['body'] !== 'string')) {
    problems.push(`${where}.response must be a response as Lambda@Edge writes one: {"status": "200", "headers": {...}, "body": "..."}`);
    return undefined;
  }
  return { kind: 'response', response: { ...(response as EdgeResponse), headers: (response['headers'] as Record<string, unknown> | undefined) ?? {} } };
}

/** The origin object of origin events, with CloudFront's usual settings. */
function originObject(type: 'custom' | 's3', domainName: string): Record<string, unknown> {
  if (type === 's3') return { s3: { authMethod: 'none', customHeaders: {}, domainName, path: '', region: 'us-east-1' } };
  return { custom: { customHeaders: {}, domainName, keepaliveTimeout: 5, path: '', port: 443, protocol: 'https', readTimeout: 30, sslProtocols: ['TLSv1.2'] } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
