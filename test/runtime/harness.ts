import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { functionConfig, type FunctionOptions } from '../../server/src/runtime/config';
import { LocalFunction, type InvokeResult } from '../../server/src/runtime/local-function';

/** The repository, from out/test/runtime. */
export const repoRoot = resolve(__dirname, '../../..');
export const handlersRoot = join(repoRoot, 'examples/handlers');
export const bootstrapScript = join(repoRoot, 'dist/runtime-bootstrap.js');
export const cliScript = join(repoRoot, 'dist/cli.js');

before(() => {
  assert.ok(existsSync(bootstrapScript), `${bootstrapScript} is missing: run "npm run build" before the runtime tests`);
});

/** A local function over the example handlers, with its log and every process it started recorded. */
export class Harness {
  log = '';
  readonly pids = new Set<number>();
  readonly fn: LocalFunction;

  constructor(handler: string, options: Partial<FunctionOptions> = {}) {
    this.fn = new LocalFunction(
      functionConfig({ root: handlersRoot, handler, bootstrapScript, ...options }),
      (text) => (this.log += text),
      { environmentStarted: (pid) => pid !== undefined && this.pids.add(pid) },
    );
  }

  invoke(event: unknown = {}): Promise<InvokeResult> {
    return this.fn.invoke({ payload: JSON.stringify(event) });
  }

  /** Shuts down and checks that no process it started is left running. */
  async close(): Promise<void> {
    await this.fn.shutdown();
    await waitFor(() => [...this.pids].every((pid) => !isAlive(pid)), 5000, 'every environment process to exit');
    assert.equal(this.fn.environmentCount, 0);
  }
}

/** Runs `body` with a harness and always closes it. */
export async function withFunction(handler: string, options: Partial<FunctionOptions>, body: (h: Harness) => Promise<void>): Promise<void> {
  const harness = new Harness(handler, options);
  try {
    await body(harness);
  } finally {
    await harness.close();
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `condition` holds, failing after `deadlineMs`. */
export async function waitFor(condition: () => boolean, deadlineMs: number, what: string): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function parsed(result: InvokeResult): Record<string, unknown> {
  return JSON.parse(result.payload) as Record<string, unknown>;
}

/** What a run of the built CLI printed, and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, in the example handlers' folder. */
export async function runCli(args: readonly string[], stdin?: string): Promise<CliRun> {
  const child = spawn(process.execPath, [cliScript, ...args], { cwd: handlersRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  child.stdin.end(stdin);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
