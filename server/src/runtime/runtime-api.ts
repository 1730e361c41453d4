import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxPayloadBytes, maxStreamedResponseBytes } from './errors';
import { LoopbackServer } from './loopback-server';

/** One invocation as the Runtime API hands it to the runtime with `GET .../invocation/next`. */
export interface Invocation {
  readonly requestId: string;
  readonly payload: Buffer;
  readonly deadlineMs: number;
  readonly invokedFunctionArn: string;
  readonly traceId: string;
  /** JSON text of the client context, when the caller gave one. */
  readonly clientContext?: string;
  /** JSON text of the Cognito identity, when the caller gave one. */
  readonly cognitoIdentity?: string;
  /** The tenant of a function with tenant isolation. */
  readonly tenantId?: string;
}

/** A status and JSON body for the runtime, as the Runtime API answers. */
export interface ApiReply {
  readonly status: number;
  readonly body: object;
}

/** What a posted response or error carries besides its body. */
export interface PostedResult {
  readonly body: Buffer;
  /** `Lambda-Runtime-Function-Error-Type`, for errors. */
  readonly errorType?: string;
  /** Peak resident memory the runtime reported (our bootstrap does), in KiB. */
  readonly maxRssKiB?: number;
  /** How many flush markers our bootstrap wrote before posting (one per stream it wrote to). */
  readonly flushMarkers?: number;
  /** Set when the runtime streamed the response (`awslambda.streamifyResponse`): the stream's content type. */
  readonly streamedAs?: string;
}

/** The execution environment behind one Runtime API endpoint. */
export interface RuntimeApiHost {
  /** Holds the long poll until an invocation is ready, then calls `deliver` once. */
  next(deliver: (invocation: Invocation) => void): void;
  response(requestId: string, result: PostedResult): ApiReply;
  error(requestId: string, result: PostedResult): ApiReply;
  initError(result: PostedResult): ApiReply;
  /** A piece of a streamed response, as it arrives (the response itself comes with `response`). */
  streamChunk(requestId: string, contentType: string, chunk: Buffer): void;
  /** The runtime posted a response larger than Lambda allows (`limitBytes`); the invoke fails. */
  responseTooLarge(requestId: string, limitBytes: number): void;
}

export const accepted: ApiReply = { status: 202, body: { status: 'OK' } };
export const invalidRequestId: ApiReply = { status: 400, body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' } };
export function invalidState(from: string, to: string): ApiReply {
  return { status: 403, body: { errorMessage: `State transition from ${from} to ${to} failed for runtime.`, errorType: 'InvalidStateTransition' } };
}
const tooLarge: ApiReply = { status: 413, body: { errorMessage: `Exceeded maximum allowed payload size (${maxPayloadBytes} bytes).`, errorType: 'RequestEntityTooLarge' } };
const streamTooLarge: ApiReply = { status: 413, body: { errorMessage: `Exceeded maximum allowed payload size (${maxStreamedResponseBytes} bytes).`, errorType: 'RequestEntityTooLarge' } };

const prefix = '/2018-06-01/runtime/';
const invocationPath = /^invocation\/([^/]+)\/(response|error)$/;

/** The Lambda Runtime API (2018-06-01) for one environment, on 127.0.0.1 and a free port. */
export class RuntimeApiServer {
  private server!: LoopbackServer;
  /**
   * Posts still being read, by connection. A runtime may pipeline its result
   * and its next `next` (ours does); Lambda's Runtime API serves a connection's
   * requests one at a time, so that `next` waits until the result is taken.
   */
  private readonly posting = new WeakMap<object, Promise<void>>();

  private constructor(private readonly host: RuntimeApiHost) {}

  /** No browser origin is ever allowed here: only the environment's runtime calls it. */
  static async start(host: RuntimeApiHost): Promise<RuntimeApiServer> {
    const api = new RuntimeApiServer(host);
    api.server = await LoopbackServer.listen(0, (req, res) => api.route(req, res), { keepAliveTimeoutMs: 0 });
    return api;
  }

  /** `host:port`, the value of AWS_LAMBDA_RUNTIME_API. */
  get address(): string {
    return `127.0.0.1:${this.server.port}`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return notFound(res);
    const rest = path.slice(prefix.length);
    if (rest === 'invocation/next') {
      if (req.method !== 'GET') return methodNotAllowed(res);
      req.resume();
      const next = () => this.host.next((invocation) => sendInvocation(res, invocation));
      const posting = this.posting.get(req.socket);
      if (posting) void posting.then(next);
      else next();
      return;
    }
    const match = invocationPath.exec(rest);
    if (rest !== 'init/error' && !match) return notFound(res);
    if (req.method !== 'POST') return methodNotAllowed(res);
    const requestId = decodeURIComponent(match?.[1] ?? '');
    const streamed = match?.[2] === 'response' && header(req, 'lambda-runtime-function-response-mode') === 'streaming';
    const contentType = header(req, 'content-type') ?? 'application/octet-stream';
    const limit = streamed ? maxStreamedResponseBytes : maxPayloadBytes;
    if (streamed) req.on('data', (chunk: Buffer) => this.host.streamChunk(requestId, contentType, chunk));
    let taken!: () => void;
    const posting = new Promise<void>((resolve) => (taken = resolve));
    this.posting.set(req.socket, posting);
    void posting.then(() => this.posting.get(req.socket) === posting && this.posting.delete(req.socket));
    readBody(req, limit, (body) => {
      try {
        this.taken(req, res, body, { requestId, streamed, contentType, limit, match });
      } finally {
        taken();
      }
    });
  }

  /** Hands a posted result (or init error) to the host and answers the runtime. */
  private taken(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined, post: { requestId: string; streamed: boolean; contentType: string; limit: number; match: RegExpExecArray | null }): void {
    const { requestId, streamed, contentType, limit, match } = post;
    if (body === undefined) {
      if (match?.[2] === 'response') this.host.responseTooLarge(requestId, limit);
      return reply(res, streamed ? streamTooLarge : tooLarge);
    }
    // A streamed response carries these in its trailers: they are known only at its end.
    const field = (name: string) => (streamed ? trailer(req, name) : header(req, name));
    const rss = Number(field('lambda-workbench-max-rss-kib'));
    const markers = field('lambda-workbench-flush-markers');
    const figures = { ...(rss > 0 ? { maxRssKiB: rss } : {}), ...(markers !== undefined ? { flushMarkers: Number(markers) } : {}) };
    const errorType = field('lambda-runtime-function-error-type');
    if (!match) return reply(res, this.host.initError({ body, ...(errorType ? { errorType } : {}), ...figures }));
    if (streamed && errorType !== undefined) {
      // An error in mid-stream: the trailers carry its JSON (base64), which is what the invoke answers.
      const errorBody = Buffer.from(trailer(req, 'lambda-runtime-function-error-body') ?? '', 'base64');
      return reply(res, this.host.error(requestId, { body: errorBody.length ? errorBody : Buffer.from(JSON.stringify({ errorType, errorMessage: '' })), errorType, ...figures }));
    }
    const result: PostedResult = { body, ...(errorType ? { errorType } : {}), ...figures, ...(streamed ? { streamedAs: contentType } : {}) };
    reply(res, match[2] === 'response' ? this.host.response(requestId, result) : this.host.error(requestId, result));
  }
}

function sendInvocation(res: ServerResponse, invocation: Invocation): void {
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': invocation.payload.length,
    'Lambda-Runtime-Aws-Request-Id': invocation.requestId,
    'Lambda-Runtime-Deadline-Ms': invocation.deadlineMs,
    'Lambda-Runtime-Invoked-Function-Arn': invocation.invokedFunctionArn,
    'Lambda-Runtime-Trace-Id': invocation.traceId,
  };
  if (invocation.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = invocation.clientContext;
  if (invocation.cognitoIdentity !== undefined) headers['Lambda-Runtime-Cognito-Identity'] = invocation.cognitoIdentity;
  if (invocation.tenantId !== undefined) headers['Lambda-Runtime-Aws-Tenant-Id'] = invocation.tenantId;
  res.writeHead(200, headers);
  res.end(invocation.payload);
}

/** Reads the body; `undefined` when it exceeds `limit`. */
function readBody(req: IncomingMessage, limit: number, done: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(over ? undefined : Buffer.concat(chunks, size)));
  // A request cut off (the process died in mid-stream) answers nothing: the environment reports how it ended.
  req.on('error', () => {});
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function trailer(req: IncomingMessage, name: string): string | undefined {
  return req.trailers[name];
}

function reply(res: ServerResponse, { status, body }: ApiReply): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function notFound(res: ServerResponse): void {
  plain(res, 404, '404 page not found\n');
}

function methodNotAllowed(res: ServerResponse): void {
  plain(res, 405, '405 method not allowed\n');
}

/** Every answer has a Content-Length (never chunked), which our bootstrap's client relies on. */
function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
