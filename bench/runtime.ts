import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { functionConfig } from '../server/src/runtime/config';
import { LocalFunction } from '../server/src/runtime/local-function';
import type { AsyncMeasurement } from './measurement';

const repoRoot = resolve(__dirname, '../..');
const root = join(repoRoot, 'examples/handlers');
const handlerFile = join(root, 'hello.js');
const bootstrapScript = join(repoRoot, 'dist/runtime-bootstrap.js');
const event = { name: 'bench' };
const payload = JSON.stringify(event);
const config = functionConfig({ root, handler: 'hello.handler', bootstrapScript, inheritedEnvironment: { PATH: process.env['PATH'] } });
const discard = () => {};

type Handler = (event: unknown, context: object) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inProcess = (require(handlerFile) as { handler: Handler }).handler;
const lambdaLocal = require('lambda-local') as { execute(options: object): Promise<unknown> };
const executeWithLambdaLocal = () => lambdaLocal.execute({ event, lambdaPath: handlerFile, lambdaHandler: 'handler', verboseLevel: 0, timeoutMs: 3000 });

let warm: LocalFunction | undefined;

/** Steady state, as in a long `serve` or editor session: both sides run this many times before measuring. */
const warmUpCalls = 2000;

async function warmUp(...calls: Array<() => Promise<unknown>>): Promise<void> {
  for (const call of calls) for (let i = 0; i < warmUpCalls; i++) await call();
}

/** Runs a process to completion; rejects on a non-zero exit. */
async function run(command: string, args: readonly string[]): Promise<void> {
  const child = spawn(command, args, { cwd: root, stdio: 'ignore' });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

export const measurements: AsyncMeasurement[] = [
  {
    name: 'runtime: warm invoke (own process, Runtime API over loopback HTTP, START/END/REPORT)',
    baseline: 'calling the same handler in-process (no isolation at all)',
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
    name: 'runtime: cold start (spawn, Init, first invoke, shutdown)',
    baseline: 'node -e requiring and calling the same handler in a fresh process',
    ours: async () => {
      const fn = new LocalFunction(config, discard);
      await fn.invoke({ payload });
      await fn.shutdown();
    },
    base: () => run(process.execPath, ['-e', `require(${JSON.stringify(handlerFile)}).handler(${payload}).then((r) => process.stdout.write(JSON.stringify(r)))`]),
  },
  {
    name: 'runtime: cold start vs the lambda-local CLI',
    baseline: 'lambda-local -l hello.js -h handler in a fresh process',
    ours: async () => {
      const fn = new LocalFunction(config, discard);
      await fn.invoke({ payload });
      await fn.shutdown();
    },
    base: () => run(process.execPath, [join(repoRoot, 'node_modules/lambda-local/build/cli.js'), '-l', handlerFile, '-h', 'handler', '-v', '0', '-e', join(root, 'events/hello.json')]),
  },
];
