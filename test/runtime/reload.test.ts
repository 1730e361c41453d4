import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeWatcher } from '../../server/src/runtime/code-watcher';
import { functionConfig, type ReloadMode } from '../../server/src/runtime/config';
import { LocalFunction } from '../../server/src/runtime/local-function';
import { bootstrapScript, cliScript, isAlive, repoRoot, waitFor } from './harness';

/** A handler whose answer names its code's version, and counts warm invokes in module state. */
const handlerSource = (version: string, extra = '') => `${extra}
let invocations = 0;
exports.handler = async (event) => {
  invocations += 1;
  if (event.sleep) await new Promise((r) => setTimeout(r, event.sleep));
  return { version: ${version}, invocations, pid: process.pid };
};
`;

interface Answer {
  readonly version: unknown;
  readonly invocations: number;
  readonly pid: number;
}

/** A task root of its own, a local function over it, and the watcher `serve` uses. */
class Project {
  readonly root = mkdtempSync(join(tmpdir(), 'lambda-workbench-reload-'));
  readonly fn: LocalFunction;
  readonly started: number[] = [];
  readonly changes: string[] = [];
  log = '';
  private readonly watcher: CodeWatcher;

  constructor(reload: ReloadMode, handler = 'index.handler', reservedConcurrency = 10) {
    this.write('index.js', handlerSource("'one'"));
    this.fn = new LocalFunction(functionConfig({ root: this.root, handler, bootstrapScript, reload, reservedConcurrency }), (text) => (this.log += text), { environmentStarted: (pid) => pid !== undefined && this.started.push(pid) });
    this.watcher = CodeWatcher.watch(this.root, (path) => {
      this.changes.push(path);
      this.fn.codeChanged();
    });
  }

  write(path: string, text: string): void {
    mkdirSync(join(this.root, path, '..'), { recursive: true });
    writeFileSync(join(this.root, path), text);
  }

  /** Writes, and waits until the watcher has seen it (as `serve` does before the next request). */
  async edit(path: string, text: string, seen = path): Promise<void> {
    const before = this.changes.length;
    this.write(path, text);
    await waitFor(() => this.changes.slice(before).some((change) => change.startsWith(seen)), 5000, `the watcher to see ${seen}`);
  }

  async invoke(event: object = {}): Promise<Answer> {
    const result = await this.fn.invoke({ payload: JSON.stringify(event) });
    assert.equal(result.status, 'success', result.payload);
    return JSON.parse(result.payload) as Answer;
  }

  async close(): Promise<void> {
    this.watcher.close();
    await this.fn.shutdown();
    rmSync(this.root, { recursive: true, force: true });
  }
}

describe('runtime: never stale, warm otherwise (real files, real processes)', function () {
  this.timeout(30_000);
  let project: Project;
  afterEach(() => project.close());

  it('retires an idle environment when the handler changes; unchanged code stays warm', async () => {
    project = new Project('lazy');
    const first = await project.invoke();
    assert.deepEqual([first.version, first.invocations, (await project.invoke()).invocations], ['one', 1, 2], 'warm before the change');
    await project.edit('index.js', handlerSource("'two'"));
    await waitFor(() => !isAlive(first.pid), 2000, 'the idle environment to end at once');
    const fresh = await project.invoke();
    assert.deepEqual([fresh.version, fresh.invocations], ['two', 1]);
    assert.equal((await project.invoke()).invocations, 2, 'warm again after the reload');
    project.write('notes.txt', 'not code');
    // Nothing is reported for it: give the watcher time to (wrongly) act before looking.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await project.invoke()).invocations, 3, 'a change to what the function never loads keeps it warm');
  });

  it('lets a busy environment finish its invoke with the old code, then retires it', async () => {
    project = new Project('lazy');
    const busy = project.invoke({ sleep: 600 });
    await waitFor(() => project.log.includes('START RequestId'), 5000, 'the handler to run');
    await project.edit('index.js', handlerSource("'two'"));
    const old = await busy;
    assert.equal(old.version, 'one', 'the invoke in flight ends as it began');
    const next = await project.invoke();
    assert.equal(next.version, 'two');
    assert.notEqual(next.pid, old.pid);
    await waitFor(() => !isAlive(old.pid), 2000, 'the retired environment to end after its invoke');
  });

  it('counts a retired environment still busy against the concurrency limit', async () => {
    project = new Project('lazy', 'index.handler', 1);
    const busy = project.invoke({ sleep: 600 });
    await waitFor(() => project.log.includes('START RequestId'), 5000, 'the handler to run');
    await project.edit('index.js', handlerSource("'two'"));
    const meanwhile = await project.fn.invoke({ payload: '{}' });
    assert.equal(meanwhile.httpStatus, 429, 'throttled while the retired environment runs');
    await busy;
    assert.equal((await project.invoke()).version, 'two');
  });

  const dependencies: Array<[string, (p: Project) => Promise<void>]> = [
    ['a local import', (p) => p.edit('lib/version.js', "module.exports = 'two';")],
    ['lambda-workbench.json', (p) => p.edit('lambda-workbench.json', '{"functions":{}}')],
    ['a package added to node_modules', (p) => p.edit('node_modules/added/index.js', '', 'node_modules/added')],
  ];
  for (const [what, change] of dependencies) {
    it(`retires environments when ${what} changes`, async () => {
      project = new Project('lazy');
      project.write('lib/version.js', "module.exports = 'one';");
      mkdirSync(join(project.root, 'node_modules'));
      project.write('index.js', handlerSource("require('./lib/version')"));
      const before = await project.invoke();
      await change(project);
      const after = await project.invoke();
      assert.equal(after.invocations, 1, 'a fresh environment');
      assert.notEqual(after.pid, before.pid);
    });
  }

  it('reloads a TypeScript handler when its source changes', async () => {
    project = new Project('lazy', 'handler.handler');
    const ts = (version: string) => `let n: number = 0;\nexport const handler = async () => ({ version: '${version}' as string, invocations: ++n, pid: process.pid });\n`;
    project.write('handler.ts', ts('one'));
    symlinkSync(join(repoRoot, 'node_modules'), join(project.root, 'node_modules'));
    assert.equal((await project.invoke()).version, 'one');
    await project.edit('handler.ts', ts('two'));
    assert.deepEqual(await project.invoke().then((a) => [a.version, a.invocations]), ['two', 1]);
  });

  it('in eager mode starts a fresh environment at once, so the next invoke is warm', async () => {
    project = new Project('eager');
    const first = await project.invoke();
    await project.edit('index.js', handlerSource("'two'"));
    await waitFor(() => project.started.length === 2, 5000, 'a fresh environment to start without an invoke');
    const prewarmed = project.started[1];
    const next = await project.invoke();
    assert.deepEqual([next.version, next.invocations, next.pid], ['two', 1, prewarmed]);
    assert.ok(!isAlive(first.pid));
  });
});

describe('CLI: serve watches its task root (real processes, real HTTP)', function () {
  this.timeout(30_000);

  for (const watch of [true, false]) {
    it(watch ? 'answers with the new code after an edit' : 'keeps the loaded code with --no-watch', async () => {
      const root = mkdtempSync(join(tmpdir(), 'lambda-workbench-serve-'));
      writeFileSync(join(root, 'index.js'), handlerSource("'one'"));
      const serve = spawn(process.execPath, [cliScript, 'serve', 'index.handler', '--port', '0', ...(watch ? [] : ['--no-watch'])], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      serve.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      try {
        await waitFor(() => /on (http:\S+)/.test(stderr), 10_000, 'serve to listen');
        const url = /on (http:\S+)/.exec(stderr)?.[1] ?? '';
        const post = async () => (await (await fetch(url, { method: 'POST', body: '{}' })).json()) as Answer;
        assert.equal((await post()).version, 'one');
        writeFileSync(join(root, 'index.js'), handlerSource("'two'"));
        if (watch) {
          await waitFor(() => stderr.includes('index.js changed'), 5000, 'serve to see the edit');
          assert.deepEqual(await post().then((a) => [a.version, a.invocations]), ['two', 1]);
          assert.equal((await post()).invocations, 2, 'warm again');
        } else {
          await new Promise((r) => setTimeout(r, 300));
          assert.deepEqual(await post().then((a) => [a.version, a.invocations]), ['one', 2]);
        }
      } finally {
        serve.kill('SIGTERM');
        await new Promise((r) => serve.once('close', r));
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('reads lambda-workbench.json again when it changes, and keeps the settings in force when it is broken', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lambda-workbench-serve-'));
    const settings = (memorySize: number) => JSON.stringify({ functions: { 'index.handler': { memorySize } } });
    writeFileSync(join(root, 'index.js'), 'exports.handler = async (event, context) => ({ memory: context.memoryLimitInMB });\n');
    writeFileSync(join(root, 'lambda-workbench.json'), settings(256));
    const serve = spawn(process.execPath, [cliScript, 'serve', 'index.handler', '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    serve.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    try {
      await waitFor(() => /on (http:\S+)/.test(stderr), 10_000, 'serve to listen');
      const url = /on (http:\S+)/.exec(stderr)?.[1] ?? '';
      const memory = async () => ((await (await fetch(url, { method: 'POST', body: '{}' })).json()) as { memory: string }).memory;
      assert.equal(await memory(), '256');
      // Written whole, as editors save (a write in place may be read half done).
      const save = (text: string) => (writeFileSync(join(root, '.saving'), text), renameSync(join(root, '.saving'), join(root, 'lambda-workbench.json')));
      save(settings(512));
      await waitFor(() => stderr.includes('lambda-workbench.json changed'), 5000, 'serve to see the settings change');
      assert.equal(await memory(), '512');
      save('{ "functions": ');
      await waitFor(() => stderr.includes('keeping the previous settings'), 5000, 'serve to refuse the broken settings');
      assert.equal(await memory(), '512');
    } finally {
      serve.kill('SIGTERM');
      await new Promise((r) => serve.once('close', r));
      rmSync(root, { recursive: true, force: true });
    }
  });
});
