import { readFileSync } from 'node:fs';
import { NodeJsExit, nodeJsExitMessage, toErrorBody } from './errors';
import type { Handler } from './load-handler';
import { logError, setRequestId } from './log-patch';
import { streamTrailers, type InvokeOutcome, type NextInvocation, type RuntimeClient } from './runtime-client';
import { highWaterMarkOf, ResponseStream } from './streaming';

/** What runs when the event loop empties: set per invoke, as Lambda's runtime keeps one beforeExit listener. */
let onEmptyEventLoop: () => void = () => {};
process.on('beforeExit', () => onEmptyEventLoop());

/** Errors thrown outside the handler's promise go to the invoke in flight (set by `runInvoke`) or to Init. */
export const uncaught: { report: (error: unknown, exitCode: number) => void } = { report: () => {} };

function parseJsonHeader(headers: NextInvocation['headers'], name: string, label: string): unknown {
  const text = headers[name];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Cannot parse ${label} as json: ${String(error)}`);
  }
}

/**
 * Runs one invocation as Lambda's Node.js runtime does and resolves with the
 * outcome to post: a returned promise settles it; a callback settles it when
 * the event loop is empty (unless `context.callbackWaitsForEmptyEventLoop` is
 * false); a sync handler that never calls back answers `null` once the loop
 * empties, an async one whose promise never settles fails with Runtime.NodeJsExit.
 */
export function runInvoke(client: RuntimeClient, handler: Handler, next: NextInvocation): Promise<InvokeOutcome> {
  const requestId = beginInvoke(client, next);
  // The handler is called from here, not from a promise executor: an error's stack then shows
  // one frame of the runtime under the handler's, as on Lambda.
  let settle: (outcome: InvokeOutcome) => void = () => {};
  const outcome = new Promise<InvokeOutcome>((resolve) => (settle = resolve));
  let reported = false;
  const postResult = (result: unknown) => {
    if (reported) return console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
    reported = true;
    let response: string;
    try {
      response = JSON.stringify(result === undefined ? null : result);
    } catch (error) {
      return postError(new Error(`Unable to stringify response body: ${String(error)}`));
    }
    settle({ response });
  };
  const postError = (error: unknown) => {
    reported = true;
    logError('Invoke Error', error);
    settle({ error: toErrorBody(error) });
  };
  const waits = { forEmptyEventLoop: true };
  let finished = false;
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (finished) return;
      finished = true;
      fn(...args);
    };
  const done = (error?: unknown, result?: unknown) => {
    onEmptyEventLoop = () => {};
    if (error !== undefined && error !== null) postError(error);
    else postResult(result);
  };
  const callback = once((error?: unknown, result?: unknown) => {
    onEmptyEventLoop = () => {};
    if (error !== undefined && error !== null) return postError(error);
    if (!waits.forEmptyEventLoop) return postResult(result);
    onEmptyEventLoop = () => setImmediate(() => postResult(result));
  });
  const isAsync = handler.constructor.name === 'AsyncFunction';
  onEmptyEventLoop = () => {
    finished = true;
    if (isAsync) postError(new NodeJsExit(nodeJsExitMessage));
    else postResult(null);
  };

  try {
    const context = invokeContext(next, requestId, waits, {
      succeed: once((result?: unknown) => done(null, result)),
      fail: once((error?: unknown) => done(error === undefined || error === null ? 'handled' : error)),
      done: once(done),
    });
    const result = handler(JSON.parse(next.body), context, callback) as { then?: unknown } | undefined;
    if (result && typeof result.then === 'function') {
      (result as Promise<unknown>).then(context.succeed, context.fail).catch(context.fail);
    }
  } catch (error) {
    callback(error);
  }
  return outcome;
}

/** Sets what an invoke's logs and SDK calls read (request id, trace id) and routes uncaught errors to it. */
function beginInvoke(client: RuntimeClient, next: NextInvocation): string {
  const requestId = next.headers['lambda-runtime-aws-request-id'] ?? '';
  setRequestId(requestId, next.headers['lambda-runtime-aws-tenant-id']);
  const traceId = next.headers['lambda-runtime-trace-id'];
  if (traceId) process.env['_X_AMZN_TRACE_ID'] = traceId;
  else delete process.env['_X_AMZN_TRACE_ID'];
  uncaught.report = (error, exitCode) => {
    void client.postError(requestId, toErrorBody(error)).finally(() => process.exit(exitCode));
  };
  return requestId;
}

/**
 * Under a debugger the runtime keeps the invoke's deadline in this file, so
 * the time the process was held does not count (see environment.ts); taken
 * out of the environment so the handler sees only Lambda's variables.
 */
const deadlineFile = process.env['LAMBDA_WORKBENCH_DEADLINE_FILE'];
delete process.env['LAMBDA_WORKBENCH_DEADLINE_FILE'];

/** Milliseconds left: from the file when there is one (`paused <ms left>` or an epoch deadline), else from Lambda's header. */
function remainingTime(headerDeadline: number): number {
  if (deadlineFile !== undefined) {
    try {
      const text = readFileSync(deadlineFile, 'latin1');
      if (text.startsWith('paused ')) return Number(text.slice('paused '.length));
      const deadline = Number(text);
      if (deadline > 0) return deadline - Date.now();
    } catch {
      // Not written yet: the header's deadline.
    }
  }
  return headerDeadline - Date.now();
}

/**
 * The context a handler gets, its keys in the order Lambda's runtime gives
 * them: `callbackWaitsForEmptyEventLoop` (kept in `waits`), the programming
 * model's `callbacks` (succeed, fail, done; none for streaming), then the
 * function and the invoke.
 */
function invokeContext<C extends object>(next: NextInvocation, requestId: string, waits: { forEmptyEventLoop: boolean }, callbacks: C) {
  return {
    get callbackWaitsForEmptyEventLoop() {
      return waits.forEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      waits.forEmptyEventLoop = value;
    },
    ...callbacks,
    ...environmentData(next, requestId),
  };
}

/** The context's fields about the function and this invoke, as both programming models get them. */
function environmentData(next: NextInvocation, requestId: string) {
  const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
  return {
    functionVersion: process.env['AWS_LAMBDA_FUNCTION_VERSION'],
    functionName: process.env['AWS_LAMBDA_FUNCTION_NAME'],
    memoryLimitInMB: process.env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'],
    logGroupName: process.env['AWS_LAMBDA_LOG_GROUP_NAME'],
    logStreamName: process.env['AWS_LAMBDA_LOG_STREAM_NAME'],
    clientContext: parseJsonHeader(next.headers, 'lambda-runtime-client-context', 'ClientContext'),
    identity: parseJsonHeader(next.headers, 'lambda-runtime-cognito-identity', 'CognitoIdentity'),
    invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: requestId,
    tenantId: next.headers['lambda-runtime-aws-tenant-id'],
    getRemainingTimeInMillis: () => remainingTime(deadline),
  };
}

/**
 * Runs one invocation of a streaming handler (`awslambda.streamifyResponse`)
 * as Lambda's Node.js runtime does: `handler(event, responseStream, context)`
 * must return a promise; the invoke is over when the stream has ended and the
 * Runtime API has taken it. A handler that never ends its stream runs into
 * its timeout, as on Lambda. A thrown error ends the stream with error trailers.
 */
export async function runStreamingInvoke(client: RuntimeClient, handler: Handler, next: NextInvocation): Promise<void> {
  const requestId = beginInvoke(client, next);
  const stream = new ResponseStream((contentType) => client.openStreamedResponse(requestId, contentType), streamTrailers, highWaterMarkOf(handler));
  const fail = (error: unknown) => {
    logError('Invoke Error', error);
    stream.fail(toErrorBody(error));
  };
  // A promise that never settles, with nothing else left to run: as for an async handler.
  onEmptyEventLoop = () => fail(new NodeJsExit(nodeJsExitMessage));
  try {
    const context = invokeContext(next, requestId, { forEmptyEventLoop: true }, {});
    const result = (handler as unknown as (event: unknown, stream: ResponseStream, context: object) => unknown)(JSON.parse(next.body), stream, context) as { then?: unknown } | undefined;
    if (!result || typeof result.then !== 'function') {
      // A plain string, as Lambda's runtime fails it: the error type reads "string".
      fail('Streaming does not support non-async handlers.');
    } else if ((await result) !== undefined) {
      console.warn('Streaming handlers ignore return values.');
    }
  } catch (error) {
    fail(error);
  }
  await stream.answered;
  onEmptyEventLoop = () => {};
}

/**
 * Runs the invoke path once during Init with a stand-in handler and event,
 * sending nothing and calling no user code. V8 compiles a function on its
 * first call: a fresh environment's first invoke paid for compiling this path
 * (bench/runtime-reload.ts, eager reload), which Init, run ahead of it, is
 * meant to have paid. What an invoke sets is put back: the request id of
 * logs, the trace id, where uncaught errors go.
 */
export async function rehearseInvoke(client: RuntimeClient): Promise<void> {
  const report = uncaught.report;
  const traceId = process.env['_X_AMZN_TRACE_ID'];
  await runInvoke(client, async () => null, { headers: { 'lambda-runtime-deadline-ms': String(Date.now() + 1000) }, body: '{}' });
  setRequestId(undefined);
  if (traceId === undefined) delete process.env['_X_AMZN_TRACE_ID'];
  else process.env['_X_AMZN_TRACE_ID'] = traceId;
  uncaught.report = report;
}
