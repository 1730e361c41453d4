import { parseIp } from '../../network/ip';
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

/**
 * The parts of a request the conditions look at, worked out at most once
 * per request rather than once per condition: the host with the port
 * handled as the options say, the path decoded when asked; headers by
 * lower-cased name, query pairs and the source address as a number only
 * when a condition first asks for them.
 */
export class PreparedRequest {
  /** The host as compared: one value, as sent and folded (host names ignore case). */
  readonly hostValues: HeaderValues;
  /** The path as compared (case-sensitive, so one list serves as sent and folded). */
  readonly pathValues: readonly string[];
  readonly method: string;
  private headerIndex: Map<string, HeaderValues> | undefined;
  private queryIndex: readonly PreparedPair[] | undefined;
  private address: PreparedAddress | null | undefined;

  constructor(
    readonly request: AlbRequest,
    private readonly options: RoutingOptions,
  ) {
    const host = options.hostPort === 'ignore' ? hostName(request.host) : request.host;
    this.hostValues = { sent: [host], folded: [foldCase(host)] };
    this.pathValues = [options.percentDecode ? decode(request.path) : request.path];
    this.method = request.method;
  }

  get headers(): ReadonlyMap<string, HeaderValues> {
    if (!this.headerIndex) {
      const index = new Map<string, { sent: string[]; folded: string[] }>();
      for (const h of this.request.headers) {
        const key = h.name.toLowerCase();
        const entry = index.get(key);
        if (entry) {
          entry.sent.push(h.value);
          entry.folded.push(foldCase(h.value));
        } else index.set(key, { sent: [h.value], folded: [foldCase(h.value)] });
      }
      this.headerIndex = index;
    }
    return this.headerIndex;
  }

  get pairs(): readonly PreparedPair[] {
    this.queryIndex ??= queryPairs(this.request.query, this.options.percentDecode);
    return this.queryIndex;
  }

  /** IPv4 as a number; IPv6 as a bigint; undefined when the request has none. */
  get source(): PreparedAddress | undefined {
    if (this.address === undefined) {
      const ip = this.request.sourceIp === undefined ? undefined : parseIp(this.request.sourceIp);
      this.address = ip === undefined ? null : ip.family === 4 ? { family: 4, value: Number(ip.value) } : { family: 6, value: ip.value };
    }
    return this.address ?? undefined;
  }
}

export type PreparedAddress = { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint };

export function prepareRequest(request: AlbRequest, options: RoutingOptions): PreparedRequest {
  return new PreparedRequest(request, options);
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
