import { flushMarker } from '../flush-marker';
import type { ErrorBody } from './errors';
import { HttpConnection, warmUp, type HttpRequest, type HttpResponse, type StreamedRequest } from './http-connection';
import { errorBodyTrailer, errorTypeTrailer } from './streaming';

/** One invocation as `next` returned it. */
export interface NextInvocation {
  readonly body: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** How an invoke ended, to be posted: the result's JSON text, or an error. */
export type InvokeOutcome = { readonly response: string } | { readonly error: ErrorBody };

const base = '/2018-06-01/runtime';
const flushMarkersHeader = 'Lambda-Workbench-Flush-Markers';
const maxRssHeader = 'Lambda-Workbench-Max-Rss-KiB';
const nextRequest: HttpRequest = { method: 'GET', path: `${base}/invocation/next` };

/** A client of the Lambda Runtime API at `AWS_LAMBDA_RUNTIME_API` (host:port). */
export class RuntimeClient {
  private readonly connection: HttpConnection;
  /** For the posts that come before an exit: never queued behind a pending `next`. */
  private readonly lastWords: HttpConnection;

  constructor(api: string) {
    const colon = api.lastIndexOf(':');
    const [host, port] = [api.slice(0, colon), Number(api.slice(colon + 1))];
    this.connection = new HttpConnection(host, port);
    this.lastWords = new HttpConnection(host, port);
  }

  /**
   * Runs the per-invoke code of the client once during Init, sending nothing
   * (see http-connection.ts's warmUp), and reads the peak memory once: the
   * first invoke of a fresh environment is not the one to pay for it.
   */
  warmUp(): void {
    warmUp(this.connection);
    process.resourceUsage();
  }

  async next(): Promise<NextInvocation> {
    return invocationFrom(await this.connection.send(nextRequest));
  }

  /**
   * Posts an invoke's outcome and asks for the next event in the same write
   * (HTTP pipelining). The post's own answer (202, or why it was refused)
   * arrives first on the connection and is dropped.
   */
  async reportAndNext(requestId: string, outcome: InvokeOutcome): Promise<NextInvocation> {
    return invocationFrom(await this.connection.send(outcomeRequest(requestId, outcome), nextRequest));
  }

  /** Posts an error and waits for the Runtime API to take it (the process exits next). */
  async postError(requestId: string, error: ErrorBody): Promise<void> {
    await this.lastWords.send(outcomeRequest(requestId, { error }));
  }

  /**
   * Starts the streamed response of an invoke: a chunked POST to
   * `.../response` in Lambda's streaming mode, with the error (if any) and
   * our log and memory figures in its trailers (see `streamTrailers`).
   */
  openStreamedResponse(requestId: string, contentType: string): StreamedRequest {
    return this.connection.stream({
      method: 'POST',
      path: `${base}/invocation/${encodeURIComponent(requestId)}/response`,
      headers: {
        'Lambda-Runtime-Function-Response-Mode': 'streaming',
        'Content-Type': contentType,
        Trailer: [errorTypeTrailer, errorBodyTrailer, flushMarkersHeader, maxRssHeader].join(', '),
      },
    });
  }

  async postInitError(error: ErrorBody): Promise<void> {
    await this.lastWords.send({ method: 'POST', path: `${base}/init/error`, headers: errorTypeHeader(error), body: JSON.stringify(error) });
  }
}

function invocationFrom({ status, headers, body }: HttpResponse): NextInvocation {
  if (status !== 200) throw new Error(`Runtime API answered ${status} to next: ${body}`);
  return { body, headers };
}

function outcomeRequest(requestId: string, outcome: InvokeOutcome): HttpRequest {
  const path = `${base}/invocation/${encodeURIComponent(requestId)}`;
  if ('response' in outcome) return { method: 'POST', path: `${path}/response`, headers: resultHeaders(), body: outcome.response };
  return { method: 'POST', path: `${path}/error`, headers: { ...errorTypeHeader(outcome.error), ...resultHeaders() }, body: JSON.stringify(outcome.error) };
}

/**
 * `Lambda-Runtime-Function-Error-Type`, left out when the type (an error's
 * name, the user's to choose) cannot travel in a header: the body has it too.
 */
function errorTypeHeader(error: ErrorBody): Record<string, string> {
  return /^[\x21-\x7e][\x20-\x7e]*$/.test(error.errorType) ? { 'Lambda-Runtime-Function-Error-Type': error.errorType } : {};
}

/** Whether each stream was written since the last result: only those need a flush marker. */
const written = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  const stream = process[name];
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => {
    written[name] = true;
    return write(...args);
  }) as typeof stream.write;
}

/**
 * Marks the end of this invoke's output on the streams written to (see
 * flush-marker.ts) and tells the Runtime API how many markers to wait for,
 * with the process's peak memory for the REPORT line.
 */
function resultHeaders(): Record<string, string> {
  let markers = 0;
  for (const name of ['stdout', 'stderr'] as const) {
    if (!written[name]) continue;
    process[name].write(flushMarker);
    written[name] = false;
    markers++;
  }
  return { [flushMarkersHeader]: String(markers), [maxRssHeader]: String(process.resourceUsage().maxRSS) };
}

/** What ends a streamed response: the error as Lambda's runtime sends it (its JSON in base64), and our figures. */
export function streamTrailers(error: ErrorBody | undefined): Record<string, string> {
  const errorTrailers = error ? { [errorTypeTrailer]: error.errorType.replace(/[^\x20-\x7e]/g, '?'), [errorBodyTrailer]: Buffer.from(JSON.stringify(error)).toString('base64') } : {};
  return { ...errorTrailers, ...resultHeaders() };
}
