import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Who may call a loopback server besides local processes: browser origins opened on purpose (`--allow-origin`). */
export interface CallerPolicy {
  /** Origins (`http://localhost:3000`) whose requests are served; `*` serves any. Empty: none. */
  readonly allowedOrigins?: readonly string[];
  /** Keep-alive after an answer; the Runtime API wants none (a runtime's client reconnects). */
  readonly keepAliveTimeoutMs?: number;
}

/** The names a caller on this machine reaches 127.0.0.1 by. */
const loopbackNames: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why a request must be refused, or undefined to serve it. Local processes of
 * the same user are trusted; browsers and other hosts are not: a `Host` other
 * than a loopback name with this port is DNS rebinding (a page of evil.com
 * resolving to 127.0.0.1), and any `Origin` is a web page (even a "simple"
 * text/plain POST, which needs no preflight) unless that origin was allowed.
 */
export function refusalOf(req: Pick<IncomingMessage, 'headers'>, port: number, allowedOrigins: readonly string[]): string | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  const colon = host.lastIndexOf(':');
  const name = colon > host.lastIndexOf(']') ? host.slice(0, colon) : host;
  const hostPort = colon > host.lastIndexOf(']') ? host.slice(colon + 1) : '';
  if (!loopbackNames.has(name) || hostPort !== String(port)) return `Host "${req.headers.host ?? ''}" is not this loopback server (127.0.0.1:${port})`;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes('*') && !allowedOrigins.includes(origin)) return `requests from web pages (Origin "${origin}") are refused; allow one with --allow-origin or lambdaWorkbench.endpoint.allowedOrigins`;
  return undefined;
}

/**
 * An HTTP server on 127.0.0.1 only, for every local server (the emulator's
 * endpoint, a function URL's, each environment's Runtime API): it answers 403
 * to a caller `refusalOf` refuses, before the handler sees the request.
 */
export class LoopbackServer {
  private readonly server: Server;

  private constructor(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void, policy: CallerPolicy) {
    const allowed = policy.allowedOrigins ?? [];
    this.server = createServer((req, res) => {
      const refusal = refusalOf(req, this.port, allowed);
      if (refusal !== undefined) {
        req.resume();
        const text = `403 forbidden: ${refusal}\n`;
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), Connection: 'close' });
        return void res.end(text);
      }
      // An allowed page may read the answer.
      if (req.headers.origin !== undefined) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
      void handle(req, res);
    });
    if (policy.keepAliveTimeoutMs !== undefined) this.server.keepAliveTimeout = policy.keepAliveTimeoutMs;
  }

  /** Listens on 127.0.0.1; port 0 picks a free one. Rejects when the port is taken. */
  static async listen(port: number, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void, policy: CallerPolicy = {}): Promise<LoopbackServer> {
    const loopback = new LoopbackServer(handle, policy);
    await new Promise<void>((resolve, reject) => {
      loopback.server.once('error', reject);
      loopback.server.listen(port, '127.0.0.1', () => resolve());
    });
    return loopback;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Ends open connections too (keep-alive clients would hold it open). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A request's whole body. */
export function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
