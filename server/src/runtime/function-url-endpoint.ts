import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { functionUrlEvent, functionUrlResponse, internalServerError, streamedHead, type UrlResponse } from './function-url';
import type { LocalFunction } from './local-function';
import { LoopbackServer, readAll, type CallerPolicy } from './loopback-server';

/**
 * A function URL on 127.0.0.1: every request, any method and path, goes to
 * the function as the event Lambda's function URLs send (payload format 2.0),
 * and the result comes back as the HTTP response they make of it. A streamed
 * response (`awslambda.streamifyResponse`, `HttpResponseStream.from`) goes out
 * as the handler writes it, its prelude's status and headers first.
 */
export class FunctionUrlEndpoint {
  private server!: LoopbackServer;

  private constructor(private readonly fn: LocalFunction) {}

  /** Listens on 127.0.0.1 only; port 0 picks a free one. Web pages are refused unless `policy` allows their origin. */
  static async start(fn: LocalFunction, port: number, policy: CallerPolicy = {}): Promise<FunctionUrlEndpoint> {
    const endpoint = new FunctionUrlEndpoint(fn);
    endpoint.server = await LoopbackServer.listen(port, (req, res) => endpoint.handle(req, res), policy);
    return endpoint;
  }

  get port(): number {
    return this.server.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.answer(req, res);
    } catch (error) {
      // A result Node cannot send (a header value with a line break, say) is the function's fault: 502, never a crash.
      if (!res.headersSent) send(res, { ...internalServerError, headers: [...internalServerError.headers, ['x-lambda-workbench-error', String(error instanceof Error ? error.message : error).replace(/[^\x20-\x7e]/g, '?')]] });
      else res.destroy();
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    const requestId = randomUUID();
    const event = functionUrlEvent(
      { method: req.method ?? 'GET', target: req.url ?? '/', headers, body, sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1', protocol: `HTTP/${req.httpVersion}` },
      { urlId: 'local', region: this.fn.config.region },
      requestId,
      new Date(),
    );
    let received = Buffer.alloc(0);
    let streaming = false;
    const result = await this.fn
      .invoke({
        payload: JSON.stringify(event),
        requestId,
        onStreamChunk: (chunk, contentType) => {
          if (streaming) return void res.write(chunk);
          received = Buffer.concat([received, chunk]);
          const start = streamedHead(contentType, received);
          if (!start) return;
          streaming = true;
          try {
            res.writeHead(start.head.status, flatten(start.head.headers));
            if (start.rest.length) res.write(start.rest);
          } catch {
            // A prelude Node cannot send: the client's connection ends; the invoke runs on.
            res.destroy();
          }
        },
      })
      .catch(() => undefined);
    if (streaming) return void res.end();
    if (result?.status === 'rejected') return send(res, { status: result.httpStatus, headers: [['content-type', 'application/json']], body: Buffer.from(JSON.stringify({ Message: result.httpStatus === 429 ? 'Rate Exceeded.' : 'Request Too Large' })) });
    if (!result || result.status !== 'success') return send(res, internalServerError);
    if (result.streamed) {
      const start = streamedHead(result.streamed.contentType, result.streamed.body);
      return send(res, start ? { ...start.head, body: start.rest } : internalServerError);
    }
    send(res, functionUrlResponse(result.payload));
  }
}

/** Header lines as Node's writeHead takes them, repeated names (Set-Cookie) kept. */
function flatten(headers: ReadonlyArray<readonly [string, string]>): string[] {
  return headers.flatMap(([name, value]) => [name, value]);
}

function send(res: ServerResponse, response: UrlResponse): void {
  const lines = response.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  res.writeHead(response.status, [...flatten(lines), 'content-length', String(response.body.length)]);
  res.end(response.body);
}

