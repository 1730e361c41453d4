import { parseIp } from '../patterns/cidr';
import { foldCase } from '../patterns/glob';
import type { RoutingOptions } from './options';
import { hostName, type AlbRequest } from './request';

/** A header's values in order, as sent and case-folded (header values ignore case). */
export interface HeaderValues {
  readonly sent: readonly string[];
  readonly folded: readonly string[];
}

/** A query pair as compared (decoded when asked), and folded (query conditions ignore case). */
export interface PreparedPair {
  readonly key: string;
  readonly value: string;
  readonly foldedKey: string;
  readonly foldedValue: string;
}

/**
 * The parts of a request the conditions look at, worked out once per
 * request rather than once per condition: the host with the port handled as
 * the options say, the path decoded when asked, headers by lower-cased name,
 * query pairs split, the source address as a number.
 */
export interface PreparedRequest {
  readonly request: AlbRequest;
  /** The host as compared: one value, as sent and folded (host names ignore case). */
  readonly hostValues: HeaderValues;
  /** The path as compared (case-sensitive, so one list serves as sent and folded). */
  readonly pathValues: readonly string[];
  readonly method: string;
  readonly headers: ReadonlyMap<string, HeaderValues>;
  readonly pairs: readonly PreparedPair[];
  /** IPv4 as a number; IPv6 as a bigint; undefined when the request has none. */
  readonly source: { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint } | undefined;
}

/** Percent-decoding that leaves malformed escapes as they are, as lenient servers do. */
export function decode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

export function prepareRequest(request: AlbRequest, options: RoutingOptions): PreparedRequest {
  const host = options.hostPort === 'ignore' ? hostName(request.host) : request.host;
  const headers = new Map<string, { sent: string[]; folded: string[] }>();
  for (const h of request.headers) {
    const key = h.name.toLowerCase();
    const entry = headers.get(key);
    if (entry) {
      entry.sent.push(h.value);
      entry.folded.push(foldCase(h.value));
    } else headers.set(key, { sent: [h.value], folded: [foldCase(h.value)] });
  }
  const ip = request.sourceIp === undefined ? undefined : parseIp(request.sourceIp);
  return {
    request,
    hostValues: { sent: [host], folded: [foldCase(host)] },
    pathValues: [options.percentDecode ? decode(request.path) : request.path],
    method: request.method,
    headers,
    pairs: queryPairs(request.query, options.percentDecode),
    source: ip === undefined ? undefined : ip.family === 4 ? { family: 4, value: Number(ip.value) } : { family: 6, value: ip.value },
  };
}

function queryPairs(query: string, percentDecode: boolean): PreparedPair[] {
  const pairs: PreparedPair[] = [];
  if (query === '') return pairs;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key = eq < 0 ? part : part.slice(0, eq);
    let value = eq < 0 ? '' : part.slice(eq + 1);
    if (percentDecode) {
      key = decode(key);
      value = decode(value);
    }
    pairs.push({ key, value, foldedKey: foldCase(key), foldedValue: foldCase(value) });
  }
  return pairs;
}
