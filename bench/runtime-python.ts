import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { functionConfig, type FunctionConfig } from '../server/src/runtime/config';
import { LocalFunction } from '../server/src/runtime/local-function';
import { findPython } from '../server/src/runtime/python/interpreter';
import type { AsyncMeasurement } from './measurement';
import { repoRoot, startEnvironment } from './runtime-tools';

// Python handlers (issue 13): bench/python/hello.py, hello.js's shape, with the same event.
const root = join(repoRoot, 'bench/python');
const payload = JSON.stringify({ name: 'bench' });
const discard = () => {};

/** The interpreter our runtime picks for the folder, looked up once (outside any timing); the baselines run the same one. */
let chosen: { path: string; version: string } | undefined;
function interpreter(): { path: string; version: string } {
  if (chosen) return chosen;
  const choice = findPython(root);
  if (choice.kind === 'none') throw new Error(`the Python bench needs a Python: ${choice.problem}`);
  chosen = choice.interpreter;
  return chosen;
}

let config: FunctionConfig | undefined;
function pythonConfig(): FunctionConfig {
  config ??= functionConfig({ root, handler: 'hello.handler', bootstrapScript: join(repoRoot, 'dist/runtime-bootstrap.js'), inheritedEnvironment: startEnvironment, python: interpreter() });
  return config;
}

/** bench/python/bare_loop.py: the handler called in a loop over lines of a pipe. */
class BareLoop {
  private pending: (() => void) | undefined;
  private received = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      this.received += text;
      if (!this.received.endsWith('\n')) return;
      this.received = '';
      this.pending?.();
    });
  }

  static start(): BareLoop {
    return new BareLoop(spawn(interpreter().path, ['-u', join(root, 'bare_loop.py')], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'], env: { ...startEnvironment, PYTHONDONTWRITEBYTECODE: '1' } }));
  }

  call(event: string): Promise<void> {
    return new Promise((answered) => {
      this.pending = answered;
      this.child.stdin?.write(`${event}\n`);
    });
  }

  async stop(): Promise<void> {
    this.child.stdin?.end();
    if (this.child.exitCode === null) await once(this.child, 'exit');
  }
}

/** `python -c` importing the handler and calling it once, in a fresh process: the floor for a cold start. */
async function importAndCall(): Promise<void> {
  const code = `import hello, json; print(json.dumps(hello.handler(json.loads(${JSON.stringify(payload)}), None)))`;
  const child = spawn(interpreter().path, ['-c', code], { cwd: root, stdio: 'ignore', env: { ...startEnvironment, PYTHONDONTWRITEBYTECODE: '1' } });
  const [status] = (await once(child, 'close')) as [number | null];
  if (status !== 0) throw new Error(`python -c exited with ${status}`);
}

let warm: LocalFunction | undefined;
let bare: BareLoop | undefined;

async function invokeOk(fn: LocalFunction): Promise<void> {
  const result = await fn.invoke({ payload });
  if (result.status !== 'success') throw new Error(`the Python handler failed: ${result.payload}`);
}

export const measurements: AsyncMeasurement[] = [
  {
    name: 'runtime: Python warm invoke (own process, our Python bootstrap, Runtime API over loopback HTTP, START/END/REPORT)',
    get baseline() {
      return `bench/python/bare_loop.py: the same handler called in a bare Python loop fed over a pipe (no Runtime API, log or context), same interpreter (${interpreter().path}, Python ${interpreter().version})`;
    },
    setup: async () => {
      warm = new LocalFunction(pythonConfig(), discard);
      bare = BareLoop.start();
      for (let i = 0; i < 500; i++) await Promise.all([invokeOk(warm), bare.call(payload)]);
    },
    teardown: async () => {
      await Promise.all([warm?.shutdown(), bare?.stop()]);
    },
    ours: () => invokeOk(warm!),
    base: () => bare!.call(payload),
  },
  {
    name: 'runtime: Python cold start (spawn, Init, first invoke, shutdown)',
    get baseline() {
      return `\`python -c\` importing the same handler and calling it once in a fresh process, same interpreter (${interpreter().path}, Python ${interpreter().version})`;
    },
    // Two interpreter starts a round: 15 rounds left the ratio anywhere in 0.85–1.3 on a busy machine.
    minRounds: 31,
    setup: async () => {
      pythonConfig();
    },
    ours: async () => {
      const fn = new LocalFunction(pythonConfig(), discard);
      await invokeOk(fn);
      await fn.shutdown();
    },
    base: importAndCall,
  },
];
