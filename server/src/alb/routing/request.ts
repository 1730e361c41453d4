import { resolve as resolvePath } from 'node:path';
import { parseIp } from '../../network/ip';

/** One request header line; names keep their case, ALB compares them without it. */
export interface HeaderLine {
  readonly name: string;
  readonly value: string;
}

/** An HTTP request as an Application Load Balancer receives it. */
export interface AlbRequest {
  readonly method: string;
  readonly scheme: 'http' | 'https';
  /** The Host header as sent: the host, and a port when the client wrote one. */
  readonly host: string;
  /** The port the client connected to (the listener's port). */
  readonly port: number;
  /** The path as sent (percent-encoded), without the query. */
  readonly path: string;
  /** The query string as sent, without the "?"; empty when there is none. */
  readonly query: string;
  readonly headers: readonly HeaderLine[];
  /** The address the connection came from (not X-Forwarded-For). */
  readonly sourceIp: string | undefined;
  /** The request body as text; only a Lambda target sees it (rules cannot match on it). */
  readonly body?: string;
  /** The body as bytes (base64), in place of `body`: a file sent as it is, e.g. an image. */
  readonly bodyBase64?: string;
}

/** A request as a person writes it: `GET https://example.com/img/1.png`, `-H "Name: value"`, `--source-ip`. */
export interface RequestInput {
  readonly method: string;
  readonly url: string;
  readonly headers?: readonly string[];
  readonly sourceIp?: string;
  /** The body, as text (`-d`). */
  readonly body?: string;
  /** The body as bytes, base64 (`-d @FILE`); wins over `body`. */
  readonly bodyBase64?: string;
}

/** What is wrong with a request input, and which part of it. */
export interface RequestProblem {
  readonly part: 'method' | 'url' | 'header' | 'source-ip';
  readonly message: string;
}

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Parses a request, keeping the path and query exactly as written (no normalisation ALB would not do). */
export function parseRequest(input: RequestInput): { request: AlbRequest } | { problem: RequestProblem } {
  if (!token.test(input.method)) return { problem: { part: 'method', message: `"${input.method}" is not an HTTP method` } };
  const url = /^(https?):\/\/(\[[^\]]*\](?::\d*)?|[^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i.exec(input.url.trim());
  if (!url) return { problem: { part: 'url', message: `"${input.url}" is not an http:// or https:// URL` } };
  const scheme = (url[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http';
  const authority = url[2] ?? '';
  if (authority === '' || authority.includes('@')) return { problem: { part: 'url', message: `"${input.url}" needs a host name (without user info)` } };
  const portText = /:(\d*)$/.exec(authority)?.[1];
  const port = portText ? Number(portText) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return { problem: { part: 'url', message: `port ${portText ?? ''} is not from 1 to 65535` } };
  const headers: HeaderLine[] = [];
  for (const line of input.headers ?? []) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!token.test(name)) return { problem: { part: 'header', message: `"${line}" is not a header: write "Name: value"` } };
    headers.push({ name, value: line.slice(colon + 1).trim() });
  }
  const sourceIp = input.sourceIp?.trim();
  if (sourceIp !== undefined && sourceIp !== '' && !parseIp(sourceIp)) {
    return { problem: { part: 'source-ip', message: `"${sourceIp}" is not an IPv4 or IPv6 address` } };
  }
  const hostHeader = headers.find((h) => h.name.toLowerCase() === 'host');
  return {
    request: {
      method: input.method,
      scheme,
      host: hostHeader?.value ?? authority,
      port,
      path: url[3] || '/',
      query: url[4] ?? '',
      headers: hostHeader ? headers : [{ name: 'Host', value: authority }, ...headers],
      sourceIp: sourceIp || undefined,
      ...(typeof input.bodyBase64 === 'string' && input.bodyBase64 !== ''
        ? { bodyBase64: input.bodyBase64 }
        : typeof input.body === 'string' && input.body !== ''
          ? { body: input.body }
          : {}),
    },
  };
}

/**
 * `-d @FILE`: the body is the file's bytes unchanged, as curl's --data-binary
 * sends them (its -d @FILE strips newlines). Read with `read`, relative to `base`; throws what `read` throws.
 */
export function withFileBody(input: RequestInput, base: string, read: (path: string) => Uint8Array): RequestInput {
  const { body, ...rest } = input;
  if (body === undefined || !body.startsWith('@')) return input;
  return { ...rest, bodyBase64: Buffer.from(read(resolvePath(base, body.slice(1)))).toString('base64') };
}

/** The host name without a port (`example.com:8443` → `example.com`, `[::1]:80` → `[::1]`). */
export function hostName(host: string): string {
  return host.replace(/:\d*$/, '');
}

/** How the request reads in one line: `GET https://example.com/img/1.png`. */
export function requestLine(request: AlbRequest): string {
  const defaultPort = request.scheme === 'https' ? 443 : 80;
  const authority = request.port === defaultPort || /:\d+$/.test(request.host) ? request.host : `${request.host}:${request.port}`;
  return `${request.method} ${request.scheme}://${authority}${request.path}${request.query ? `?${request.query}` : ''}`;
}

/**
 * A request input as one line the CLI and the preview's prompt both read:
 * `GET https://example.com/a -H "X-Canary: on" --source-ip 192.0.2.1`.
 */
export function inputLine(input: RequestInput): string {
  const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
  const headers = (input.headers ?? []).map((h) => ` -H ${quoted(h)}`).join('');
  return `${input.method} ${input.url}${headers}${input.sourceIp ? ` --source-ip ${input.sourceIp}` : ''}`;
}
