import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxPayloadBytes } from './errors';
import { EventQueue, type EventQueueOptions } from './event-queue';
import type { InvokeResult, LocalFunction } from './local-function';
import { LoopbackServer, readAll, type CallerPolicy } from './loopback-server';

/** Invoke's path: `/2015-03-31/functions/{name}/invocations`; the emulator's name is `function`, any name is accepted. */
const invokePath = /^\/2015-03-31\/functions\/[^/]+\/invocations\/?$/;

/**
 * An endpoint that answers like the Lambda Runtime Interface Emulator, so
 * `curl -d '{}' http://127.0.0.1:9000/2015-03-31/functions/function/invocations`
 * and `aws lambda invoke --endpoint-url` work unchanged: 200 with the result,
 * 200 with the error JSON and `X-Amz-Function-Error: Unhandled` for a function
 * error, 200 with `Task timed out after N.00 seconds` as the emulator says on a
 * timeout, 429 when throttled, 413 when the event is too large, 400
 * (`InvalidRequestContentException`) when it is not JSON; 202 at once for an
 * asynchronous invoke (`X-Amz-Invocation-Type: Event`: queued, all run, a
 * failure retried twice), 204 for a DryRun. A streamed
 * response (`awslambda.streamifyResponse`) goes out chunk by chunk as the
 * handler writes it, with the stream's content type.
 */
export class RieEndpoint {
  private server!: LoopbackServer;

  private constructor(
    private readonly fn: LocalFunction,
    /** Asynchronous invokes, queued and retried as Lambda does. */
    private readonly events: EventQueue,
  ) {}

  /**
   * Listens on 127.0.0.1 only; port 0 picks a free one. Web pages are refused
   * unless `policy` allows their origin; `log` hears the event queue's retries.
   */
  static async start(fn: LocalFunction, port: number, policy: CallerPolicy & EventQueueOptions = {}, log: (text: string) => void = () => {}): Promise<RieEndpoint> {
    const endpoint = new RieEndpoint(fn, new EventQueue(fn, log, policy));
    endpoint.server = await LoopbackServer.listen(port, (req, res) => endpoint.handle(req, res), policy);
    return endpoint;
  }

  get port(): number {
    return this.server.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/2015-03-31/functions/function/invocations`;
  }

  close(): Promise<void> {
    this.events.close();
    return this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!invokePath.test(path)) return send(res, 404, 'text/plain; charset=utf-8', '404 page not found\n');
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '405 method not allowed\n');
    const body = await readAll(req);
    const notJson = jsonProblem(body);
    if (notJson !== undefined) return refuse(res, 400, 'InvalidRequestContentException', `Could not parse request body into json: ${notJson}`);
    let clientContext: string | undefined;
    const encoded = req.headers['x-amz-client-context'];
    if (typeof encoded === 'string' && encoded !== '') {
      clientContext = Buffer.from(encoded, 'base64').toString('utf8');
    }
    const traceId = req.headers['x-amzn-trace-id'];
    const tenantId = req.headers['x-amz-tenant-id'];
    const invocationType = req.headers['x-amz-invocation-type'];
    // DryRun: Lambda checks the request and runs nothing.
    if (invocationType === 'DryRun') return send(res, 204, 'application/json', '');
    if (invocationType === 'Event') {
      // Lambda queues an asynchronous invoke and answers at once; the function runs in the background, its log as usual.
      const requestId = randomUUID();
      const payload = body.length === 0 ? Buffer.from('{}') : body;
      const queued = this.events.add({ payload, requestId, ...(clientContext !== undefined ? { clientContext } : {}), ...(typeof traceId === 'string' ? { traceId } : {}), ...(typeof tenantId === 'string' && tenantId !== '' ? { tenantId } : {}) });
      if (!queued) return refuse(res, 429, 'TooManyRequestsException', `the local queue of asynchronous invokes is full (${this.events.size} events)`, { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
      return send(res, 202, 'application/json', '', { 'X-Amz-Request-Id': requestId });
    }
    // LogType Tail: the invoke's log comes back in X-Amz-Log-Result, its last 4 KB in base64.
    let log = req.headers['x-amz-log-type'] === 'Tail' ? '' : undefined;
    let result: InvokeResult;
    try {
      result = await this.fn.invoke({
        payload: body.length === 0 ? Buffer.from('{}') : body,
        ...(clientContext !== undefined ? { clientContext } : {}),
        ...(typeof traceId === 'string' ? { traceId } : {}),
        ...(typeof tenantId === 'string' && tenantId !== '' ? { tenantId } : {}),
        ...(log !== undefined ? { onLog: (text: string) => (log += text) } : {}),
        // A streamed response goes out as the handler writes it, as a function URL sends it.
        onStreamChunk: (chunk, contentType, requestId) => {
          if (!res.headersSent) res.writeHead(200, { 'Content-Type': contentType, 'X-Amz-Request-Id': requestId, 'X-Amz-Executed-Version': this.fn.config.functionVersion, Trailer: 'X-Amz-Function-Error' });
          res.write(chunk);
        },
      });
    } catch (error) {
      if (res.headersSent) return void res.end();
      return send(res, 500, 'application/json', JSON.stringify({ errorType: 'ServiceException', errorMessage: error instanceof Error ? error.message : String(error) }));
    }
    if (res.headersSent) {
      // The status went out with the first chunk; a failure after it can only be told in a trailer.
      if (result.status !== 'success') res.addTrailers({ 'X-Amz-Function-Error': 'Unhandled' });
      return void res.end();
    }
    const headers: Record<string, string> = { 'X-Amz-Request-Id': result.requestId, 'X-Amz-Executed-Version': this.fn.config.functionVersion };
    if (result.status === 'rejected') {
      const type = result.httpStatus === 429 ? 'TooManyRequestsException' : 'RequestTooLargeException';
      const message = result.httpStatus === 429 ? 'Rate Exceeded.' : `Request must be smaller than ${maxPayloadBytes} bytes for the InvokeFunction operation`;
      const reason = result.httpStatus === 429 ? { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' } : {};
      return send(res, result.httpStatus, 'application/json', JSON.stringify({ Type: 'User', message, ...reason }), { ...headers, 'X-Amzn-ErrorType': type });
    }
    if (log !== undefined) headers['X-Amz-Log-Result'] = logTail(log);
    if (result.timedOut) {
      // The emulator answers a timeout with this plain text, not Lambda's JSON error.
      const seconds = this.fn.config.timeoutSeconds;
      return send(res, 200, 'text/plain; charset=utf-8', `Task timed out after ${seconds.toFixed(2)} seconds`, headers);
    }
    if (result.status === 'function-error') headers['X-Amz-Function-Error'] = 'Unhandled';
    // A stream that wrote nothing (or only ended) arrives whole.
    if (result.streamed) return send(res, 200, result.streamed.contentType, result.streamed.body, headers);
    send(res, 200, 'application/json', result.payload, headers);
  }
}

/** Why the event is not JSON, or undefined when it is (an empty body stands for {}). */
function jsonProblem(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  try {
    JSON.parse(body.toString('utf8'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Lambda's answer when it refuses the request itself: `X-Amzn-ErrorType` and `{Type, message}`. */
function refuse(res: ServerResponse, status: number, type: string, message: string, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json', JSON.stringify({ Type: 'User', message, ...extra }), { 'X-Amzn-ErrorType': type });
}

/** The last 4 KB of a log, in base64, as Invoke's LogResult. */
function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
}


function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
