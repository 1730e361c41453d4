import { formatLoggedError, intoError, NodeJsExit, nodeJsExitMessage, toErrorBody } from './errors';
import type { Handler } from './load-handler';
import { setRequestId } from './log-patch';
import type { InvokeOutcome, NextInvocation, RuntimeClient } from './runtime-client';

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
  const requestId = next.headers['lambda-runtime-aws-request-id'] ?? '';
  setRequestId(requestId);
  const traceId = next.headers['lambda-runtime-trace-id'];
  if (traceId) process.env['_X_AMZN_TRACE_ID'] = traceId;
  else delete process.env['_X_AMZN_TRACE_ID'];

  return new Promise<InvokeOutcome>((settle) => {
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
      console.error('Invoke Error', formatLoggedError(intoError(error)));
      settle({ error: toErrorBody(error) });
    };
    uncaught.report = (error, exitCode) => {
      void client.postError(requestId, toErrorBody(error)).finally(() => process.exit(exitCode));
    };

    let waitForEmptyEventLoop = true;
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
      if (!waitForEmptyEventLoop) return postResult(result);
      onEmptyEventLoop = () => setImmediate(() => postResult(result));
    });
    const isAsync = handler.constructor.name === 'AsyncFunction';
    onEmptyEventLoop = () => {
      finished = true;
      if (isAsync) postError(new NodeJsExit(nodeJsExitMessage));
      else postResult(null);
    };

    const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
    try {
      const context = {
        get callbackWaitsForEmptyEventLoop() {
          return waitForEmptyEventLoop;
        },
        set callbackWaitsForEmptyEventLoop(value: boolean) {
          waitForEmptyEventLoop = value;
        },
        succeed: once((result?: unknown) => done(null, result)),
        fail: once((error?: unknown) => done(error === undefined || error === null ? 'handled' : error)),
        done: once(done),
        functionVersion: process.env['AWS_LAMBDA_FUNCTION_VERSION'],
        functionName: process.env['AWS_LAMBDA_FUNCTION_NAME'],
        memoryLimitInMB: process.env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'],
        logGroupName: process.env['AWS_LAMBDA_LOG_GROUP_NAME'],
        logStreamName: process.env['AWS_LAMBDA_LOG_STREAM_NAME'],
        clientContext: parseJsonHeader(next.headers, 'lambda-runtime-client-context', 'ClientContext'),
        identity: parseJsonHeader(next.headers, 'lambda-runtime-cognito-identity', 'CognitoIdentity'),
        invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
        awsRequestId: requestId,
        getRemainingTimeInMillis: () => deadline - Date.now(),
      };
      const result = handler(JSON.parse(next.body), context, callback) as { then?: unknown } | undefined;
      if (result && typeof result.then === 'function') {
        (result as Promise<unknown>).then(context.succeed, context.fail).catch(context.fail);
      }
    } catch (error) {
      callback(error);
    }
  });
}
