import { Writable } from 'node:stream';
import type { ErrorBody } from './errors';
import { httpIntegrationContentType, preludeDelimiter } from '../streamed-response';
import type { StreamedRequest } from './http-connection';

/**
 * Response streaming as Lambda's Node.js runtime offers it: the global
 * `awslambda.streamifyResponse(handler)` marks a handler that takes
 * `(event, responseStream, context)`; what it writes goes to the Runtime API
 * as it is written (a chunked POST), errors as trailers; and
 * `awslambda.HttpResponseStream.from(stream, { statusCode, headers, cookies })`
 * puts the function URL's status and headers before the body.
 */

const streamingMark = Symbol.for('aws.lambda.runtime.handler.streaming');
const highWaterMarkMark = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const streamResponse = 'response';
export const defaultContentType = 'application/octet-stream';

export const errorTypeTrailer = 'Lambda-Runtime-Function-Error-Type';
export const errorBodyTrailer = 'Lambda-Runtime-Function-Error-Body';

/** A streaming operation Lambda's runtime refuses, e.g. a content type set after the first write. */
export class InvalidStreamingOperation extends Error {
  override readonly name = 'Runtime.InvalidStreamingOperation';
}

type StreamingHandler = ((...args: unknown[]) => unknown) & { [streamingMark]?: unknown; [highWaterMarkMark]?: unknown };

export function isStreamingHandler(handler: unknown): boolean {
  return typeof handler === 'function' && (handler as StreamingHandler)[streamingMark] === streamResponse;
}

/** The `highWaterMark` given to streamifyResponse, if any. */
export function highWaterMarkOf(handler: unknown): number | undefined {
  const value = (handler as StreamingHandler)[highWaterMarkMark];
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Defines `globalThis.awslambda` unless AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA says not to, as the runtime does. */
export function installAwsLambdaGlobal(): void {
  const optOut = process.env['AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA'];
  if (optOut === '1' || optOut === 'true') return;
  const awslambda = {
    streamifyResponse<H extends (...args: never[]) => unknown>(handler: H, options?: { highWaterMark?: number }): H {
      const marked = handler as unknown as StreamingHandler;
      marked[streamingMark] = streamResponse;
      const highWaterMark = Number(options?.highWaterMark);
      if (Number.isInteger(highWaterMark) && highWaterMark > 0) marked[highWaterMarkMark] = highWaterMark;
      return handler;
    },
    HttpResponseStream: {
      from(stream: ResponseStream, prelude: object): ResponseStream {
        stream.setContentType(httpIntegrationContentType);
        stream.prelude = Buffer.concat([Buffer.from(JSON.stringify(prelude)), preludeDelimiter]);
        return stream;
      },
    },
  };
  Object.defineProperty(globalThis, 'awslambda', { value: awslambda, writable: true, configurable: true, enumerable: false });
}

/**
 * The stream a streaming handler writes to. The POST starts with the first
 * write (or the end), so the content type can be set until then; other
 * values than strings and bytes are written as JSON, as Lambda's runtime does.
 */
export class ResponseStream extends Writable {
  private contentType = defaultContentType;
  private request: StreamedRequest | undefined;
  private failure: ErrorBody | undefined;
  /** Written before the first chunk (HttpResponseStream.from). */
  prelude: Buffer | undefined;
  /** Settles when the Runtime API has answered the POST, or the POST failed. */
  readonly answered: Promise<void>;

  constructor(
    private readonly open: (contentType: string) => StreamedRequest,
    private readonly trailers: (error: ErrorBody | undefined) => Record<string, string>,
    highWaterMark: number | undefined,
  ) {
    super(highWaterMark !== undefined ? { highWaterMark } : {});
    this.answered = new Promise((settle) => {
      this.once('answered', settle);
      // A broken connection ends the invoke; the Runtime API sees the process go.
      this.once('error', () => settle());
    });
  }

  /** Ends the response with the error in its trailers; too late once the stream has ended. */
  fail(error: ErrorBody): void {
    if (this.writableEnded) return;
    this.failure = error;
    this.end();
  }

  setContentType(contentType: string): void {
    if (this.request) throw new InvalidStreamingOperation('Cannot set content-type, too late.');
    // Node's own check, as Lambda's runtime meets it in setHeader: no line breaks into the request (loaded only here).
    (require('node:http') as typeof import('node:http')).validateHeaderValue('Content-Type', contentType);
    this.contentType = contentType;
  }

  override write(chunk: unknown, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    const data = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : JSON.stringify(chunk);
    return typeof encoding === 'function' ? super.write(data, encoding) : super.write(data, encoding as BufferEncoding, callback);
  }

  /** The POST under way, opened now if nothing was written yet. */
  started(): StreamedRequest {
    if (!this.request) {
      this.request = this.open(this.contentType);
      if (this.prelude) void this.request.write(this.prelude);
    }
    return this.request;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.started()
      .write(chunk)
      .then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.started()
      .end(this.trailers(this.failure))
      .then(
        () => {
          this.emit('answered');
          callback();
        },
        (error: Error) => callback(error),
      );
  }
}
