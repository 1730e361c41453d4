import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionWatcher } from '../server/src/runtime/function-watcher';
import { functionConfig, type ReloadMode } from '../server/src/runtime/config';
import { LocalFunction } from '../server/src/runtime/local-function';
import type { AsyncMeasurement } from './measurement';
import { repoRoot, serverlessService, startEnvironment, startServerlessOffline, type LocalServer } from './runtime-tools';

// The edit loop: a handler (hello.js's shape) in a folder of its own, edited between invokes.
const bootstrapScript = `${repoRoot}/dist/runtime-bootstrap.js`;
const payload = JSON.stringify({ name: 'bench' });
const discard = () => {};
const source = (version: number) => `exports.handler = async (event) => ({ statusCode: 200, version: ${version}, body: JSON.stringify({ hello: event.name ?? 'world' }) });\n`;

/** A task root watched as `serve` watches it, its function, and a way to edit its handler. */
class EditLoop {
  readonly root = mkdtempSync(join(tmpdir(), 'lambda-workbench-bench-reload-'));
  readonly fn: LocalFunction;
  private readonly watcher: FunctionWatcher;
  private version = 0;
  private seen: (() => void) | undefined;
  private ready: (() => void) | undefined;

  constructor(reload: ReloadMode) {
    writeFileSync(join(this.root, 'index.js'), source(0));
    this.fn = new LocalFunction(functionConfig({ root: this.root, handler: 'index.handler', bootstrapScript, inheritedEnvironment: startEnvironment, reload }), discard, { environmentReady: () => this.ready?.() });
    this.watcher = new FunctionWatcher({ root: this.root, layers: [], settingsFiles: [] }, () => {
      this.fn.codeChanged();
      this.seen?.();
    });
  }

  /** Saves a new version; resolves once the watcher has seen it (and, with `untilReady`, once a fresh environment finished Init). */
  async edit(untilReady = false): Promise<void> {
    this.version++;
    const seen = new Promise<void>((resolve) => (this.seen = resolve));
    const ready = untilReady ? new Promise<void>((resolve) => (this.ready = resolve)) : undefined;
    writeFileSync(join(this.root, 'index.js'), source(this.version));
    await seen;
    await ready;
  }

  /** Invokes, and fails if the answer is not from the latest version: a stale result would measure nothing. */
  async invoke(): Promise<void> {
    const result = await this.fn.invoke({ payload });
    const { version } = JSON.parse(result.payload) as { version?: number };
    if (version !== this.version) throw new Error(`stale: version ${String(version)} answered after edit ${this.version}`);
  }

  async close(): Promise<void> {
    this.watcher.close();
    await this.fn.shutdown();
    rmSync(this.root, { recursive: true, force: true });
  }
}

let loop: EditLoop | undefined;
let baseShutdown: Promise<void> = Promise.resolve();
let warm: LocalFunction | undefined;
let theirs: { server: LocalServer; root: string; version: number } | undefined;

/** serverless-offline's edit loop: with --reloadHandler each invoke loads the handler afresh, so an edit needs no watcher. */
async function theirEditAndInvoke(): Promise<void> {
  const t = theirs!;
  t.version++;
  writeFileSync(join(t.root, 'hello.js'), source(t.version));
  const { version } = JSON.parse(await t.server.client.invoke(payload)) as { version?: number };
  if (version !== t.version) throw new Error(`serverless-offline answered version ${String(version)} after edit ${t.version}`);
}
const helloConfig = functionConfig({ root: join(repoRoot, 'examples/handlers'), handler: 'hello.handler', bootstrapScript, inheritedEnvironment: startEnvironment });

export const measurements: AsyncMeasurement[] = [
  {
    name: 'runtime: edit → first result, lazy reload (save the handler, the watcher retires the environment, invoke starts a fresh one)',
    baseline: 'a cold start of the same handler in a fresh local function (spawn, Init, first invoke)',
    target: 1.1,
    // A round is two process starts: 15 of them left the ratio of medians anywhere in 0.9–1.4 on a busy machine.
    minRounds: 41,
    setup: async () => {
      loop = new EditLoop('lazy');
      await loop.invoke();
    },
    teardown: async () => {
      await loop?.close();
    },
    ours: async () => {
      await loop!.edit();
      await loop!.invoke();
    },
    // The baseline's shutdown is not timed, and ends before ours runs (it would slow ours on a busy machine).
    beforeOurs: async () => {
      await baseShutdown;
    },
    base: async () => {
      const fn = new LocalFunction(helloConfig, discard);
      await fn.invoke({ payload });
      baseShutdown = fn.shutdown();
    },
  },
  {
    name: 'runtime: first result after an edit, eager reload (the fresh environment ran Init in the background after the save)',
    baseline: 'a warm invoke of an unchanged handler',
    target: 2,
    setup: async () => {
      loop = new EditLoop('eager');
      warm = new LocalFunction(helloConfig, discard);
      await Promise.all([loop.invoke(), warm.invoke({ payload })]);
    },
    teardown: async () => {
      await Promise.all([loop?.close(), warm?.shutdown()]);
    },
    beforeOurs: () => loop!.edit(true),
    ours: () => loop!.invoke(),
    base: () => warm!.invoke({ payload }),
  },
  {
    name: 'runtime: edit → first result, lazy reload, beside `serverless offline --reloadHandler` (serverless-offline 13.9)',
    baseline: 'the same edit, then an invoke through serverless-offline, which loads the handler afresh in a worker thread per invoke',
    setup: async () => {
      loop = new EditLoop('lazy');
      await loop.invoke();
      // The bench service, its handler beside it in a folder of its own (the plugin found through node_modules).
      const root = mkdtempSync(join(tmpdir(), 'lambda-workbench-bench-sls-'));
      writeFileSync(join(root, 'serverless.yml'), readFileSync(join(serverlessService, 'serverless.yml'), 'utf8').replace('location: ../../examples/handlers', 'location: .'));
      writeFileSync(join(root, 'hello.js'), source(0));
      symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
      theirs = { server: await startServerlessOffline(payload, { reloadHandler: true, service: root }), root, version: 0 };
    },
    teardown: async () => {
      await Promise.all([loop?.close(), theirs?.server.stop()]);
      if (theirs) rmSync(theirs.root, { recursive: true, force: true });
    },
    ours: async () => {
      await loop!.edit();
      await loop!.invoke();
    },
    base: theirEditAndInvoke,
  },
];
