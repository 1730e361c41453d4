/**
 * The bootstrap each execution environment runs (dist/runtime-bootstrap.js):
 * a Node.js client of the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API that
 * loads `_HANDLER` from LAMBDA_TASK_ROOT and serves invokes until it dies.
 * Usage: node runtime-bootstrap.js [--handler-file FILE]
 */
import { toErrorBody, UnhandledPromiseRejection } from './errors';
import { rehearseInvoke, runInvoke, runStreamingInvoke, uncaught } from './invoke';
import { loadHandler, type Handler } from './load-handler';
import { logError, patchConsole } from './log-patch';
import { RuntimeClient } from './runtime-client';
import { installAwsLambdaGlobal, isStreamingHandler } from './streaming';

async function main(): Promise<void> {
  // Our output goes to the owner: a broken pipe means it is gone, so we go too (logging the error would break the pipe again, forever).
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => process.exit(1));
  // And when the owner is gone while we wait (the owner's reaper ends us too; this covers a reaper that could not start).
  const owner = process.ppid;
  setInterval(() => {
    try {
      process.kill(owner, 0);
    } catch {
      process.exit(1);
    }
  }, 500).unref();
  patchConsole();
  installAwsLambdaGlobal();
  const client = new RuntimeClient(process.env['AWS_LAMBDA_RUNTIME_API'] ?? '127.0.0.1:9001');
  uncaught.report = (error, exitCode) => {
    void client.postInitError(toErrorBody(error)).finally(() => process.exit(exitCode));
  };
  process.on('uncaughtException', (error) => {
    logError('Uncaught Exception', error);
    uncaught.report(error, 129);
  });
  process.on('unhandledRejection', (reason) => {
    const error = new UnhandledPromiseRejection(String(reason));
    logError('Unhandled Promise Rejection', error);
    uncaught.report(error, 128);
  });

  const fileFlag = process.argv.indexOf('--handler-file');
  const file = fileFlag >= 0 ? process.argv[fileFlag + 1] : undefined;
  let handler: Handler;
  try {
    handler = await loadHandler(process.env['LAMBDA_TASK_ROOT'] ?? process.cwd(), process.env['_HANDLER'] ?? '', file);
  } catch (error) {
    logError('Uncaught Exception', error);
    await client.postInitError(toErrorBody(error));
    process.exit(129);
  }
  client.warmUp();
  if (isStreamingHandler(handler)) {
    for (;;) await runStreamingInvoke(client, handler, await client.next());
  }
  await rehearseInvoke(client);
  for (let next = await client.next(); ; ) {
    const requestId = next.headers['lambda-runtime-aws-request-id'] ?? '';
    next = await client.reportAndNext(requestId, await runInvoke(client, handler, next));
  }
}

void main();
