import { functionConfig } from '../server/src/runtime/config';
import { LocalFunction } from '../server/src/runtime/local-function';
import { RieEndpoint } from '../server/src/runtime/rie-endpoint';
import type { AsyncMeasurement } from './measurement';
import { EchoProcess, handlerFile, handlersRoot, InvokeClient, lambdaLocalCliRun, ourInvokeCli, repoRoot, run, startEnvironment, startOurServe, startServerlessOffline, withoutExtraCaCerts, type LocalServer } from './runtime-tools';

// Every measurement invokes the same handler, examples/handlers/hello.js, with the same event.
const bootstrapScript = `${repoRoot}/dist/runtime-bootstrap.js`;
const event = { name: 'bench' };
const payload = JSON.stringify(event);
// The caller's environment as the CLI passes it, so every process here starts in the same one.
const config = functionConfig({ root: handlersRoot, handler: 'hello.handler', bootstrapScript, inheritedEnvironment: startEnvironment });
const discard = () => {};

type Handler = (event: unknown, context: object) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inProcess = (require(handlerFile) as { handler: Handler }).handler;
const lambdaLocal = require('lambda-local') as { execute(options: object): Promise<unknown> };
// The loaded module, not its path: with a path lambda-local re-requires the file on every call,
// slower for it and a heap that grows for everything else in this process.
const lambdaFunc = require(handlerFile) as object;
const executeWithLambdaLocal = () => lambdaLocal.execute({ event, lambdaFunc, lambdaHandler: 'handler', verboseLevel: 0, timeoutMs: 3000 });

/** Steady state, as in a long `serve` or editor session: both sides run this many times before measuring. */
const warmUpCalls = 2000;

async function warmUp(...calls: Array<() => Promise<unknown>>): Promise<void> {
  for (const call of calls) for (let i = 0; i < warmUpCalls; i++) await call();
}

/** A fresh environment behind a fresh emulator endpoint, invoked once over HTTP, then shut down. */
async function coldThroughEndpoint(): Promise<void> {
  const fn = new LocalFunction(config, discard);
  const endpoint = await RieEndpoint.start(fn, 0);
  const client = new InvokeClient(endpoint.port, '/2015-03-31/functions/function/invocations');
  try {
    await client.invoke(payload);
  } finally {
    client.close();
    await endpoint.close();
    await fn.shutdown();
  }
}

let warm: LocalFunction | undefined;
let echo: EchoProcess | undefined;
let ours: LocalServer | undefined;
let theirs: LocalServer | undefined;

export const measurements: AsyncMeasurement[] = [
  {
    name: 'runtime: warm invoke (own process, Runtime API over loopback HTTP, START/END/REPORT)',
    baseline: 'calling the same handler in-process (no isolation at all)',
    overheadBudgetMs: 1,
    setup: async () => {
      warm = new LocalFunction(config, discard);
      await warmUp(() => warm!.invoke({ payload }), () => inProcess(event, {}));
    },
    teardown: async () => {
      await warm?.shutdown();
    },
    ours: () => warm!.invoke({ payload }),
    base: () => inProcess(event, {}),
  },
  {
    name: 'runtime: warm invoke vs lambda-local (npm lambda-local 2.2.0, in-process)',
    baseline: 'lambdaLocal.execute of the same handler, verboseLevel 0',
    target: 1,
    setup: async () => {
      warm = new LocalFunction(config, discard);
      await warmUp(() => warm!.invoke({ payload }), executeWithLambdaLocal);
    },
    teardown: async () => {
      await warm?.shutdown();
    },
    ours: () => warm!.invoke({ payload }),
    base: executeWithLambdaLocal,
  },
  {
    name: 'runtime: warm invoke vs the floor of process isolation (a bare loopback round trip to another process)',
    baseline: 'the event written to a child process that echoes it back over one TCP connection: no HTTP, no handler',
    setup: async () => {
      warm = new LocalFunction(config, discard);
      echo = await EchoProcess.start();
      await warmUp(() => warm!.invoke({ payload }), () => echo!.roundTrip(payload));
    },
    teardown: async () => {
      await Promise.all([warm?.shutdown(), echo?.stop()]);
    },
    ours: () => warm!.invoke({ payload }),
    base: () => echo!.roundTrip(payload),
  },
  {
    name: 'runtime: that floor vs lambda-local (can any process-isolated runtime beat an in-process call here?)',
    baseline: 'lambdaLocal.execute of the same handler, in-process',
    setup: async () => {
      echo = await EchoProcess.start();
      await warmUp(() => echo!.roundTrip(payload), executeWithLambdaLocal);
    },
    teardown: async () => {
      await echo?.stop();
    },
    ours: () => echo!.roundTrip(payload),
    base: executeWithLambdaLocal,
  },
  {
    name: 'runtime: warm invoke over HTTP, `lambda-workbench serve` vs `serverless offline` (Serverless Framework 3.40, serverless-offline 13.9)',
    baseline: "POST to serverless-offline's Lambda invoke endpoint (worker thread), same keep-alive client",
    target: 1,
    setup: async () => {
      [ours, theirs] = [await startOurServe(payload), await startServerlessOffline(payload)];
      await warmUp(() => ours!.client.invoke(payload), () => theirs!.client.invoke(payload));
    },
    teardown: async () => {
      await Promise.all([ours?.stop(), theirs?.stop()]);
    },
    ours: () => ours!.client.invoke(payload),
    base: () => theirs!.client.invoke(payload),
  },
  {
    name: 'runtime: cold start (spawn, Init, first invoke, shutdown)',
    baseline: 'node -e requiring and calling the same handler in a fresh process',
    ours: async () => {
      const fn = new LocalFunction(config, discard);
      await fn.invoke({ payload });
      await fn.shutdown();
    },
    base: () => run(['-e', `require(${JSON.stringify(handlerFile)}).handler(${payload}).then((r) => process.stdout.write(JSON.stringify(r)))`]),
  },
  {
    name: 'runtime: cold start from the shell, `lambda-workbench invoke` vs the lambda-local CLI',
    baseline: 'lambda-local -l hello.js -h handler -v 0 -e events/hello.json, a fresh process each',
    target: 1,
    ours: () => ourInvokeCli(),
    base: () => lambdaLocalCliRun(),
  },
  {
    name: 'runtime: the same, both started without NODE_EXTRA_CA_CERTS (which this machine sets to its 144-certificate bundle)',
    baseline: 'lambda-local -l hello.js -h handler -v 0 -e events/hello.json, a fresh process each',
    target: 1,
    ours: () => ourInvokeCli(withoutExtraCaCerts),
    base: () => lambdaLocalCliRun(withoutExtraCaCerts),
  },
  {
    name: 'runtime: cold start of a handler in a running server, over HTTP (a fresh environment each)',
    baseline: 'serverless offline --reloadHandler: a fresh worker thread and module load per invoke',
    setup: async () => {
      theirs = await startServerlessOffline(payload, { reloadHandler: true });
    },
    teardown: async () => {
      await theirs?.stop();
    },
    ours: coldThroughEndpoint,
    base: () => theirs!.client.invoke(payload),
  },
  {
    name: 'runtime: start the local endpoint, first result, stop (`lambda-workbench serve` vs `serverless offline start`)',
    baseline: 'serverless offline start until its invoke endpoint answers, then SIGTERM',
    ours: async () => (await startOurServe(payload)).stop(),
    base: async () => (await startServerlessOffline(payload)).stop(),
  },
];
