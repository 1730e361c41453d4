import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { environmentVariables, logStreamName, memoryArgs, type FunctionConfig } from './config';
import { DeadlineClock } from './deadline-clock';
import { reduceInheritedExtraCaCerts } from './extra-ca-certs';
import { MarkedStream } from './flush-marker';
import { guard } from './orphan-reaper';
import { privateFile, replaceFile } from './private-files';
import { accepted, invalidRequestId, invalidState, RuntimeApiServer, type ApiReply, type Invocation, type PostedResult, type RuntimeApiHost } from './runtime-api';

/** What V8 prints when the heap limit stops an allocation. */
const heapOutOfMemory = 'JavaScript heap out of memory';

/** Lambda's limit for the Init phase of an on-demand function. */
export const initTimeoutMs = 10_000;

/** How one invoke ended inside an environment. */
export type EnvironmentOutcome =
  | { readonly kind: 'response'; readonly result: PostedResult }
  /** The runtime posted to `/invocation/{id}/error`. */
  | { readonly kind: 'error'; readonly result: PostedResult }
  /** The runtime posted to `/init/error` before taking the invoke. */
  | { readonly kind: 'init-error'; readonly result: PostedResult }
  | { readonly kind: 'response-too-large'; readonly limitBytes: number }
  | { readonly kind: 'timeout'; readonly phase: 'init' | 'invoke' }
  /** The process of a warm environment ended before taking the event: the invoke goes to a fresh environment. */
  | { readonly kind: 'lost' }
  /** The process ended (or never started) before reporting a result. */
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly spawnError?: string; readonly outOfMemory?: boolean };

/** Timings of one invoke, in milliseconds, not counting time the deadlines were paused. */
export interface EnvironmentTimings {
  /** From the event's delivery to the result; undefined when the runtime never took the event. */
  readonly durationMs?: number;
  /** Set on the first invoke of the environment: from spawn to the runtime's first `next`. */
  readonly initDurationMs?: number;
  readonly maxMemoryUsedMB?: number;
}

/** `init` until the runtime first asks for an invoke; `ready` while it serves them. */
type State = 'init' | 'ready' | 'dead';

/** What a caller hears during one invoke. */
export interface InvokeHooks {
  /** The runtime took the event (after Init on a cold start). */
  readonly onDelivered: () => void;
  /** A piece of a streamed response, as it arrives. */
  readonly onStreamChunk?: (chunk: Buffer, contentType: string) => void;
  /** What the runtime prints during the invoke. */
  readonly onLog?: (text: string) => void;
}

interface Current extends InvokeHooks {
  readonly invocation: Invocation;
  readonly finish: (outcome: EnvironmentOutcome, timings: EnvironmentTimings) => void;
  deliveredAt?: number;
  /** The event as delivered (its deadline set), for a runtime that asks for it again. */
  delivered?: Invocation;
}

/**
 * One execution environment: a Node.js process running the bootstrap, with
 * its own Runtime API endpoint. Init happens once; the process then serves one
 * invoke at a time until it times out, dies or is shut down.
 */
export class ExecutionEnvironment implements RuntimeApiHost {
  private state: State = 'init';
  private child: ChildProcess | undefined;
  private waiting: ((invocation: Invocation) => void) | undefined;
  private current: Current | undefined;
  /** Runs the init and invoke deadlines, and measures durations; stands still while paused. */
  private readonly clock = new DeadlineClock();
  private readonly startedAt = this.clock.now();
  private initDurationMs: number | undefined;
  private initReported = false;
  /** Flush markers read since the event was delivered, and how many the runtime said it wrote. */
  private markersSeen = 0;
  private markersExpected = 0;
  private timedOut: { phase: 'init' | 'invoke'; timings: EnvironmentTimings } | undefined;
  private closed = false;
  private afterMarkers: (() => void) | undefined;
  /** V8 said it ran out of heap (the limit set from the memory size) before the process ended. */
  private outOfMemory = false;
  /** Settles when the process has exited and its output is read. */
  readonly exited: Promise<void>;
  private resolveExited!: () => void;
  /** Called once when the environment can take no more invokes (timeout, crash, shutdown). */
  onDead: () => void = () => {};
  /** Called once when Init is over (the runtime first asks for an event). */
  onReady: () => void = () => {};
  /**
   * Where the bootstrap reads the invoke's deadline when it must follow pauses
   * (`remainingTimeFollowsPauses`): an epoch time in ms, or `paused <ms left>`.
   */
  private readonly deadlineFile: string | undefined;

  private constructor(
    private readonly config: FunctionConfig,
    private readonly log: (text: string) => void,
    private api: RuntimeApiServer | undefined,
    /** The tenant this environment serves (tenant isolation); undefined for invokes without one. */
    readonly tenantId: string | undefined,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
    this.deadlineFile = config.remainingTimeFollowsPauses ? privateFile('deadline') : undefined;
  }

  /** Starts the Runtime API and the process; Init runs in the background. */
  static async start(config: FunctionConfig, log: (text: string) => void, tenantId?: string): Promise<ExecutionEnvironment> {
    const env = new ExecutionEnvironment(config, log, undefined, tenantId);
    env.api = await RuntimeApiServer.start(env);
    env.spawnRuntime(env.api.address);
    return env;
  }

  /** No invoke in flight (the runtime may still be on its way back to `next`). */
  get isIdle(): boolean {
    return this.state !== 'dead' && !this.current;
  }

  get isDead(): boolean {
    return this.state === 'dead';
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Runs one invoke, telling `hooks` when the runtime takes the event and what it streams. */
  invoke(invocation: Invocation, hooks: InvokeHooks): Promise<{ outcome: EnvironmentOutcome; timings: EnvironmentTimings }> {
    if (!this.isIdle) throw new Error('execution environment is not idle');
    return new Promise((resolve) => {
      this.current = { invocation, ...hooks, finish: (outcome, timings) => resolve({ outcome, timings }) };
      if (this.state === 'init') {
        this.arm(Math.max(0, initTimeoutMs - (this.clock.now() - this.startedAt)), 'init');
      } else {
        // A runtime that never asks for the event again must not hold the invoke past its timeout.
        if (!this.waiting) this.arm(this.config.timeoutSeconds * 1000, 'invoke');
        this.deliverIfReady();
      }
    });
  }

  /** Stops the init and invoke deadlines (e.g. while a debugger holds the process); an invoke taken meanwhile starts its deadline on resume. */
  pauseDeadlines(): void {
    this.clock.pause();
    this.publishDeadline();
  }

  /** Lets the deadlines run again, each with exactly the time it had left. */
  resumeDeadlines(): void {
    this.clock.resume();
    this.publishDeadline();
  }

  /** Ends the process (SIGKILL, as Lambda's Shutdown does for a runtime without extensions) and the endpoint. */
  async shutdown(): Promise<void> {
    this.kill();
    await this.exited;
    await this.api?.close();
  }

  // Runtime API host ------------------------------------------------------

  next(deliver: (invocation: Invocation) => void): void {
    if (this.state === 'init') {
      this.initDurationMs = this.clock.now() - this.startedAt;
      this.state = 'ready';
      this.onReady();
    }
    // A second `next` while the event is out (no result posted yet) gets the same event again, as
    // Lambda's Runtime API answers it: 200 with the same request id, deadline and payload (in rapid,
    // RIE's core, RuntimeRunningState.Ready() is a no-op and the InvokeRenderer renders the
    // buffered event again). The invoke and its deadline go on; no error status is documented.
    const delivered = this.current?.delivered;
    if (delivered && !this.afterMarkers) return deliver(delivered);
    this.waiting = deliver;
    this.deliverIfReady();
  }

  response(requestId: string, result: PostedResult): ApiReply {
    return this.posted(requestId, 'response', result);
  }

  error(requestId: string, result: PostedResult): ApiReply {
    return this.posted(requestId, 'error', result);
  }

  initError(result: PostedResult): ApiReply {
    if (this.state !== 'init') return invalidState(this.state, 'init error');
    this.state = 'dead';
    this.onDead();
    if (this.current) this.complete({ kind: 'init-error', result }, { ...this.timings(result.maxRssKiB), initDurationMs: this.clock.now() - this.startedAt });
    // The runtime exits after reporting; make sure it does.
    setTimeout(() => this.kill(), 1000).unref();
    return accepted;
  }

  streamChunk(requestId: string, contentType: string, chunk: Buffer): void {
    const current = this.current;
    if (current?.invocation.requestId === requestId && current.deliveredAt !== undefined && !this.timedOut) current.onStreamChunk?.(chunk, contentType);
  }

  responseTooLarge(requestId: string, limitBytes: number): void {
    if (this.current?.invocation.requestId === requestId && this.current.deliveredAt !== undefined) {
      this.complete({ kind: 'response-too-large', limitBytes }, this.timings(undefined));
    }
  }

  // Internals --------------------------------------------------------------

  private posted(requestId: string, kind: 'response' | 'error', result: PostedResult): ApiReply {
    const current = this.current;
    // A result already posted for this invoke (awaiting its output's markers) is as final as a finished one.
    if (!current || current.deliveredAt === undefined || this.afterMarkers) return invalidState('ready', `invocation ${kind}`);
    if (current.invocation.requestId !== requestId) return invalidRequestId;
    const timings = this.timings(result.maxRssKiB);
    const finish = () => this.complete({ kind, result }, timings);
    // A runtime that does not send our header writes no markers (a replaced one): waiting for them would hang.
    this.markersExpected = this.config.bootstrap.flushMarkers ? (result.flushMarkers ?? 0) : 0;
    // The deadline stays armed while the markers are awaited; it then ends the wait, not the environment.
    if (this.markersSeen < this.markersExpected) this.afterMarkers = finish;
    else finish();
    return accepted;
  }

  private deliverIfReady(): void {
    const current = this.current;
    const deliver = this.waiting;
    if (!current || !deliver || current.deliveredAt !== undefined) return;
    this.waiting = undefined;
    current.deliveredAt = this.clock.now();
    this.markersSeen = 0;
    this.markersExpected = Number.POSITIVE_INFINITY;
    this.clearTimer();
    current.onDelivered();
    const deadlineMs = Date.now() + this.config.timeoutSeconds * 1000;
    this.arm(this.config.timeoutSeconds * 1000, 'invoke');
    this.publishDeadline();
    current.delivered = { ...current.invocation, deadlineMs };
    deliver(current.delivered);
  }

  /** Tells the bootstrap the invoke's deadline as it stands (see `deadlineFile`). */
  private publishDeadline(): void {
    const remaining = this.clock.remaining();
    if (!this.deadlineFile || this.current?.deliveredAt === undefined || remaining === undefined) return;
    replaceFile(this.deadlineFile, this.clock.paused ? `paused ${Math.round(remaining)}` : String(Math.round(Date.now() + remaining)));
  }

  private timings(maxRssKiB: number | undefined): EnvironmentTimings {
    const deliveredAt = this.current?.deliveredAt;
    const initDurationMs = this.initReported ? undefined : this.initDurationMs;
    const rss = maxRssKiB ?? this.peakRssFromProc();
    return {
      ...(deliveredAt !== undefined ? { durationMs: this.clock.now() - deliveredAt } : {}),
      ...(initDurationMs !== undefined ? { initDurationMs } : {}),
      ...(rss !== undefined ? { maxMemoryUsedMB: Math.ceil(rss / 1024) } : {}),
    };
  }

  private complete(outcome: EnvironmentOutcome, timings: EnvironmentTimings): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    this.afterMarkers = undefined;
    this.clearTimer();
    if (timings.initDurationMs !== undefined) this.initReported = true;
    current.finish(outcome, timings);
  }

  private arm(ms: number, phase: 'init' | 'invoke'): void {
    this.clock.setDeadline(ms, () => {
      if (this.afterMarkers) return this.afterMarkers();
      // An event the runtime never took has no duration: the log then gets its START line from the result.
      const delivered = this.current?.deliveredAt !== undefined;
      const timings = phase === 'init' ? { initDurationMs: this.clock.now() - this.startedAt } : { ...this.timings(undefined), ...(delivered ? { durationMs: this.config.timeoutSeconds * 1000 } : {}) };
      // The invoke completes when the process has closed, so the output it printed before the deadline is logged first.
      this.timedOut = { phase, timings };
      this.markDead();
      this.kill();
    });
  }

  private clearTimer(): void {
    this.clock.clearDeadline();
  }

  private markDead(): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    this.onDead();
  }

  private kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** The program and arguments that run the handler's language. */
  private runtimeCommand(env: Record<string, string>): [string, string[]] {
    const { config } = this;
    switch (config.language.kind) {
      case 'nodejs': {
        // The heap, GC and header options are those Lambda's Node.js bootstrap starts node with; execArgv adds a debugger's.
        const nodeArgs = [...memoryArgs(config.memoryMB), '--expose-gc', '--max-http-header-size=81920', ...config.execArgv];
        reduceInheritedExtraCaCerts(env, config, nodeArgs);
        return [config.nodePath, [...nodeArgs, config.bootstrap.script, ...config.bootstrap.args]];
      }
      case 'python':
        // -u: the handler's prints reach the log as they happen, as in Lambda.
        return [config.language.interpreter, ['-u', config.language.bootstrapScript]];
      case 'custom':
        return [config.language.bootstrap, []];
    }
  }

  private spawnRuntime(runtimeApi: string): void {
    const { config } = this;
    const env = environmentVariables(config, runtimeApi, logStreamName(config.functionVersion));
    if (this.deadlineFile) env['LAMBDA_WORKBENCH_DEADLINE_FILE'] = this.deadlineFile;
    const [command, args] = this.runtimeCommand(env);
    const child = spawn(command, args, { cwd: config.root, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    // The reaper ends the process if this one dies without shutting it down.
    const release = child.pid !== undefined ? guard(child.pid) : () => {};
    child.once('exit', release);
    const onMarker = () => {
      this.markersSeen++;
      if (this.markersSeen >= this.markersExpected && this.afterMarkers) this.afterMarkers();
    };
    for (const stream of [child.stdout, child.stderr]) {
      const marked = new MarkedStream((text) => {
        if (text.includes(heapOutOfMemory)) this.outOfMemory = true;
        this.log(text);
        this.current?.onLog?.(text);
      }, onMarker);
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => marked.push(chunk));
      stream?.on('end', () => marked.end());
    }
    let spawnError: string | undefined;
    child.on('error', (error) => {
      spawnError = error.message;
      if (child.pid === undefined) this.closedWith(null, null, spawnError);
    });
    child.on('close', (code, signal) => this.closedWith(code, signal, spawnError));
  }

  private closedWith(code: number | null, signal: NodeJS.Signals | null, spawnError: string | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.clearTimer();
    this.markDead();
    this.resolveExited();
    void this.api?.close();
    if (this.timedOut) this.complete({ kind: 'timeout', phase: this.timedOut.phase }, this.timedOut.timings);
    else if (this.afterMarkers) this.afterMarkers();
    // Lambda sends an invoke only to a runtime waiting on `next`; one that died after its last invoke is replaced.
    else if (this.current && this.current.deliveredAt === undefined && this.initDurationMs !== undefined) this.complete({ kind: 'lost' }, {});
    else {
      // A process that died during Init reports how long Init ran.
      const initDurationMs = this.initDurationMs ?? this.clock.now() - this.startedAt;
      const timings: { -readonly [K in keyof EnvironmentTimings]: EnvironmentTimings[K] } = { ...this.timings(undefined), ...(this.initReported ? {} : { initDurationMs }) };
      // Lambda calls it out of memory when the process used all of its memory size, whatever ended it.
      const outOfMemory = this.outOfMemory || (timings.maxMemoryUsedMB ?? 0) >= this.config.memoryMB;
      // The process is gone, its peak with it: the REPORT line says the memory size was reached, as Lambda's does.
      if (outOfMemory && timings.maxMemoryUsedMB === undefined) timings.maxMemoryUsedMB = this.config.memoryMB;
      this.complete({ kind: 'exit', code, signal, ...(spawnError ? { spawnError } : {}), ...(outOfMemory ? { outOfMemory } : {}) }, timings);
    }
  }

  /** Peak resident set size from Linux's /proc, for runtimes that do not report theirs. */
  private peakRssFromProc(): number | undefined {
    const pid = this.child?.pid;
    if (process.platform !== 'linux' || pid === undefined) return undefined;
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }
}
