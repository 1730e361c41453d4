import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { cliScript, handlersRoot, waitFor } from './harness';

/** Pids whose parent is `pid`, from Linux's /proc (the environments and the reaper). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent's pid; the command name (field 2) may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) children.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** Running, or a zombie its new parent has not reaped yet (which runs nothing). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Every CLI process a test started, killed after it whatever happened. */
const started: ChildProcess[] = [];

function cli(args: readonly string[], stdin = ''): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [cliScript, ...args], { cwd: handlersRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  child.stdout?.resume();
  child.stdin?.end(stdin);
  started.push(child);
  return { child, stderr: () => stderr };
}

/** Waits for `count` environments (node processes besides the reaper) under the owner, and returns every child pid. */
async function environmentsOf(owner: ChildProcess, count: number): Promise<number[]> {
  const pid = owner.pid ?? 0;
  const environments = () => childrenOf(pid).filter((child) => readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('runtime-bootstrap'));
  await waitFor(() => environments().length >= count, 10_000, `${count} environment(s) of ${pid}`);
  return childrenOf(pid);
}

async function assertGoneWithinASecond(pids: number[]): Promise<void> {
  const started = Date.now();
  await waitFor(() => pids.every((pid) => !running(pid)), 1000, `processes ${pids.join(', ')} to end after their owner`);
  assert.ok(Date.now() - started <= 1000);
}

describe('runtime: no process outlives its owner (real processes, Linux /proc)', function () {
  this.timeout(30_000);
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('ends every environment of a SIGKILLed serve, a spinning and a sleeping one, within a second', async () => {
    const serve = cli(['serve', 'on-demand.handler', '--port', '0', '--concurrency', '2', '--timeout', '60']);
    await waitFor(() => /on (http:\S+)/.test(serve.stderr()), 10_000, 'serve to listen');
    const url = /on (http:\S+)/.exec(serve.stderr())?.[1] ?? '';
    const pending = [fetch(url, { method: 'POST', body: '{"do":"spin"}' }), fetch(url, { method: 'POST', body: '{"do":"sleep","ms":60000}' })].map((p) => p.catch(() => undefined));
    await waitFor(() => serve.stderr().includes('sleeping 60000 ms'), 10_000, 'the sleeping handler to run');
    const pids = await environmentsOf(serve.child, 2);
    serve.child.kill('SIGKILL');
    await once(serve.child, 'close');
    await assertGoneWithinASecond(pids);
    await Promise.all(pending);
  });

  for (const [what, handler, running] of [
    ['a spinning handler', 'slow.spin', 'START RequestId'],
    ['a handler that keeps logging (its pipe breaks)', 'slow.chatty', 'still here'],
  ] as const) {
    it(`ends the environment of a SIGKILLed invoke running ${what} within a second`, async () => {
      const invoke = cli(['invoke', handler, '--timeout', '60']);
      await waitFor(() => invoke.stderr().includes(running), 10_000, 'the handler to run');
      const pids = await environmentsOf(invoke.child, 1);
      invoke.child.kill('SIGKILL');
      await once(invoke.child, 'close');
      await assertGoneWithinASecond(pids);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`ends the environment when invoke is interrupted by ${signal}, and exits 128+n`, async () => {
      const invoke = cli(['invoke', 'on-demand.handler', '--event', '-', '--timeout', '60'], '{"do":"sleep","ms":60000}');
      await waitFor(() => invoke.stderr().includes('sleeping 60000 ms'), 10_000, 'the handler to run');
      const pids = await environmentsOf(invoke.child, 1);
      invoke.child.kill(signal);
      const [code] = (await once(invoke.child, 'close')) as [number | null];
      assert.equal(code, signal === 'SIGINT' ? 130 : 143, invoke.stderr());
      assert.match(invoke.stderr(), new RegExp(`interrupted \\(${signal}\\)`));
      await assertGoneWithinASecond(pids);
    });
  }
});
