import { randomBytes, randomUUID } from 'node:crypto';
import { functionArn, type FunctionConfig } from './config';
import { ExecutionEnvironment, type EnvironmentOutcome, type EnvironmentTimings } from './environment';
import { exitError, exitReason, maxPayloadBytes, requestTooLargeError, responseTooLargeError, throttledError, timeoutError, type FunctionErrorBody } from './errors';
import { billedDuration, endLine, exitLogLines, initReportLine, reportLine, startLine, timeoutLogLine } from './log-format';
import type { StreamedResponse } from './streamed-response';

/** Eager reload waits this long after a file event for the rest of the same save. */
const prewarmDelayMs = 50;

/** What a caller passes to one invoke, as Lambda's Invoke API takes it. */
export interface InvokeRequest {
  /** The event, as JSON text. */
  readonly payload: string | Buffer;
  /** JSON text of the client context (Invoke's `X-Amz-Client-Context`, decoded). */
  readonly clientContext?: string;
  readonly cognitoIdentity?: string;
  /** `X-Amzn-Trace-Id`; a fresh one is made otherwise. */
  readonly traceId?: string;
  /**
   * Invoke's `TenantId` (tenant isolation): the invoke runs in an environment
   * of that tenant's own, never one that served another tenant or none.
   */
  readonly tenantId?: string;
  /** Hears a streamed response (`awslambda.streamifyResponse`) piece by piece as the handler writes it, before the result. */
  readonly onStreamChunk?: (chunk: Buffer, contentType: string, requestId: string) => void;
  /** The invoke's request id, when the caller assigns it (a function URL's event carries it); a fresh one otherwise. */
  readonly requestId?: string;
  /** Hears this invoke's part of the log (START to REPORT), as Invoke's `LogType: Tail` returns it. */
  readonly onLog?: LogSink;
}

/** The answer to one invoke, with Lambda's figures for it. */
export interface InvokeResult {
  readonly requestId: string;
  /**
   * `success`: the handler's result. `function-error`: an error in the function or its runtime
   * (Lambda answers 200 with `X-Amz-Function-Error: Unhandled`). `rejected`: Lambda refused the
   * invoke itself (`httpStatus` 429 throttled, 413 event too large).
   */
  readonly status: 'success' | 'function-error' | 'rejected';
  /** The response body: the result's JSON, or the error's JSON. */
  readonly payload: string;
  readonly errorType?: string;
  readonly httpStatus: number;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly initDurationMs?: number;
  readonly maxMemoryUsedMB?: number;
  readonly memorySizeMB: number;
  /** A streamed response (`awslambda.streamifyResponse`): its content type and bytes; `payload` is their UTF-8 reading. */
  readonly streamed?: StreamedResponse;
}

/** Notifications about environments, e.g. for a status bar or a debugger that attaches to each process. */
export interface LifecycleEvents {
  readonly environmentStarted?: (pid: number | undefined) => void;
  /** Init is over: the environment takes its first event without a cold start (e.g. one started by eager reload). */
  readonly environmentReady?: (pid: number | undefined) => void;
  readonly environmentEnded?: (pid: number | undefined) => void;
  /** An invoke ran and has its result (success or a function error; not a throttle or an event refused unrun). */
  readonly invokeFinished?: (result: InvokeResult) => void;
}

/** Where the function's log goes: the runtime's output and the platform's START/END/REPORT lines, in order. */
export type LogSink = (text: string) => void;

/**
 * A function run locally as Lambda runs it: environments started on demand
 * (Init), reused while warm (Invoke), replaced after a timeout or crash, shut
 * down when idle (Shutdown), at most `reservedConcurrency` at once.
 */
export class LocalFunction {
  private readonly environments = new Set<ExecutionEnvironment>();
  private readonly idleTimers = new Map<ExecutionEnvironment, NodeJS.Timeout>();
  /** Environments taken by an invoke in flight (or being started for one). */
  private readonly claimed = new Set<ExecutionEnvironment>();
  private starting = 0;
  /** Every environment until its process has exited, so shutdown leaves no process behind. */
  private readonly alive = new Set<ExecutionEnvironment>();
  private closed = false;
  private deadlinesPaused = false;
  /** Counts code changes: an environment spawned across one may hold the old code. */
  private generation = 0;
  private prewarmTimer: NodeJS.Timeout | undefined;

  constructor(
    private settings: FunctionConfig,
    private readonly log: LogSink,
    private readonly events: LifecycleEvents = {},
  ) {}

  /** The configuration new environments start with. */
  get config(): FunctionConfig {
    return this.settings;
  }

  /** New settings (lambda-workbench.json edited while `serve` runs): environments started with the old ones retire, as after a code change. */
  reconfigure(config: FunctionConfig): void {
    this.settings = config;
    this.codeChanged();
  }

  /** Environments whose process is still running, including ones being replaced. */
  get environmentCount(): number {
    return this.alive.size;
  }

  /** Process ids of the environments whose process is still running. */
  get pids(): number[] {
    return [...this.alive].map((e) => e.pid).filter((pid): pid is number => pid !== undefined);
  }

  async invoke(request: InvokeRequest): Promise<InvokeResult> {
    if (this.closed) throw new Error('the local function has been shut down');
    const requestId = request.requestId ?? randomUUID();
    const payload = Buffer.isBuffer(request.payload) ? request.payload : Buffer.from(request.payload, 'utf8');
    if (payload.length > maxPayloadBytes) return this.rejected(requestId, 413, requestTooLargeError(payload.length));
    const invocation = {
      requestId,
      payload,
      deadlineMs: 0,
      invokedFunctionArn: functionArn(this.config),
      traceId: request.traceId ?? newTraceId(),
      ...(request.clientContext !== undefined ? { clientContext: request.clientContext } : {}),
      ...(request.cognitoIdentity !== undefined ? { cognitoIdentity: request.cognitoIdentity } : {}),
      ...(request.tenantId !== undefined ? { tenantId: request.tenantId } : {}),
    };
    for (;;) {
      const env = await this.acquire(request.tenantId);
      if (!env) return this.rejected(requestId, 429, throttledError);
      this.cancelIdle(env);
      const { onStreamChunk, onLog } = request;
      const log: LogSink = onLog ? (text) => (this.log(text), onLog(text)) : this.log;
      const { outcome, timings } = await env.invoke(invocation, {
        onDelivered: () => log(startLine(requestId, this.config.functionVersion)),
        ...(onStreamChunk ? { onStreamChunk: (chunk: Buffer, contentType: string) => onStreamChunk(chunk, contentType, requestId) } : {}),
        ...(onLog ? { onLog } : {}),
      });
      this.claimed.delete(env);
      if (env.isDead) this.environments.delete(env);
      // Shut down, or retired by a code change while it ran.
      else if (this.closed || !this.environments.has(env)) void env.shutdown();
      else this.scheduleIdle(env);
      if (outcome.kind === 'lost') continue;
      const result = this.resultOf(requestId, outcome, timings, log);
      this.events.invokeFinished?.(result);
      return result;
    }
  }

  /**
   * Stops the init and invoke deadlines of every environment, and of those
   * started meanwhile, e.g. while a debugger holds the process: no timeout
   * fires, and the time does not count in the durations.
   */
  pauseDeadlines(): void {
    this.deadlinesPaused = true;
    for (const env of this.alive) env.pauseDeadlines();
  }

  /** Lets the deadlines run again, each with exactly the time it had left. */
  resumeDeadlines(): void {
    this.deadlinesPaused = false;
    for (const env of this.alive) env.resumeDeadlines();
  }

  /**
   * The function's code changed: its environments retire (idle ones at once,
   * busy ones after their invoke), so the next invoke gets the new code. With
   * `reload: 'eager'` a fresh environment then runs Init in the background,
   * as SAM's warm containers do, so that invoke is warm.
   */
  codeChanged(): void {
    if (this.closed) return;
    this.generation++;
    for (const env of [...this.environments]) {
      this.environments.delete(env);
      this.cancelIdle(env);
      if (!this.claimed.has(env)) void env.shutdown();
    }
    if (this.config.reload !== 'eager') return;
    // One save can be several file events: start one environment after the last.
    clearTimeout(this.prewarmTimer);
    this.prewarmTimer = setTimeout(() => void this.prewarm(), prewarmDelayMs);
    this.prewarmTimer.unref();
  }

  /** Shuts every environment down and refuses further invokes. */
  async shutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.prewarmTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const all = [...this.alive];
    this.environments.clear();
    await Promise.all(all.map((e) => e.shutdown()));
  }

  private async acquire(tenantId: string | undefined): Promise<ExecutionEnvironment | undefined> {
    for (const env of this.environments) {
      if (!this.claimed.has(env) && env.isIdle && env.tenantId === tenantId) {
        this.claimed.add(env);
        return env;
      }
    }
    if (this.environments.size + this.starting + this.retiringBusy() >= this.config.reservedConcurrency && !this.evictIdleOfAnotherTenant(tenantId)) return undefined;
    const env = await this.spawn(tenantId);
    if (!env) {
      if (this.closed) throw new Error('the local function has been shut down');
      return this.acquire(tenantId);
    }
    this.claimed.add(env);
    return env;
  }

  /** A fresh environment, ready for invokes, or undefined when the code changed while it started (it is ended). */
  private async spawn(tenantId: string | undefined): Promise<ExecutionEnvironment | undefined> {
    const generation = this.generation;
    this.starting++;
    let env: ExecutionEnvironment;
    try {
      env = await ExecutionEnvironment.start(this.config, this.log, tenantId);
    } finally {
      this.starting--;
    }
    if (generation !== this.generation || this.closed) {
      void env.shutdown();
      return undefined;
    }
    if (this.deadlinesPaused) env.pauseDeadlines();
    env.onReady = () => this.events.environmentReady?.(env.pid);
    env.onDead = () => {
      this.environments.delete(env);
      this.cancelIdle(env);
    };
    this.environments.add(env);
    this.alive.add(env);
    this.events.environmentStarted?.(env.pid);
    void env.exited.then(() => {
      this.alive.delete(env);
      this.events.environmentEnded?.(env.pid);
    });
    return env;
  }

  /** Environments retired by a code change that still run an invoke: they count against the concurrency limit until it ends. */
  private retiringBusy(): number {
    let count = 0;
    for (const env of this.claimed) if (!this.environments.has(env)) count++;
    return count;
  }

  /** Eager reload: an environment with the new code runs Init now, idle until an invoke takes it. */
  private async prewarm(): Promise<void> {
    if (this.closed || this.environments.size + this.starting + this.retiringBusy() >= this.config.reservedConcurrency) return;
    const env = await this.spawn(undefined);
    if (env) this.scheduleIdle(env);
  }

  /** At the concurrency limit, an idle environment of another tenant makes room (it can never serve this one). */
  private evictIdleOfAnotherTenant(tenantId: string | undefined): boolean {
    for (const env of this.environments) {
      if (this.claimed.has(env) || !env.isIdle || env.tenantId === tenantId) continue;
      this.environments.delete(env);
      this.cancelIdle(env);
      void env.shutdown();
      return true;
    }
    return false;
  }

  private scheduleIdle(env: ExecutionEnvironment): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(env);
      this.environments.delete(env);
      void env.shutdown();
    }, this.config.idleTimeoutMs);
    timer.unref();
    this.idleTimers.set(env, timer);
  }

  private cancelIdle(env: ExecutionEnvironment): void {
    const timer = this.idleTimers.get(env);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(env);
  }

  private rejected(requestId: string, httpStatus: number, error: FunctionErrorBody): InvokeResult {
    return { requestId, status: 'rejected', payload: JSON.stringify(error), ...(error.errorType ? { errorType: error.errorType } : {}), httpStatus, timedOut: false, durationMs: 0, billedDurationMs: 0, memorySizeMB: this.config.memoryMB };
  }

  /** Maps an environment's outcome to Lambda's answer, and logs the platform's lines. */
  private resultOf(requestId: string, outcome: EnvironmentOutcome, timings: EnvironmentTimings, log: LogSink): InvokeResult {
    const { config } = this;
    let payload: string;
    let streamed: InvokeResult['streamed'];
    let errorType: string | undefined;
    let status: 'timeout' | 'error' | undefined;
    const delivered = timings.durationMs !== undefined;
    // Lambda's order: INIT_REPORT for a failed Init, START, the platform's error lines, END, REPORT.
    const initLines: string[] = [];
    const errorLines: string[] = [];
    switch (outcome.kind) {
      case 'response':
        payload = outcome.result.body.toString('utf8');
        if (outcome.result.streamedAs !== undefined) streamed = { contentType: outcome.result.streamedAs, body: outcome.result.body };
        break;
      case 'error':
      case 'init-error':
        payload = outcome.result.body.toString('utf8');
        errorType = outcome.result.errorType ?? errorTypeIn(payload) ?? 'Unhandled';
        if (outcome.kind === 'init-error') {
          initLines.push(initReportLine(timings.initDurationMs ?? 0, 'error', errorType));
          status = 'error';
        }
        break;
      case 'response-too-large': {
        const error = responseTooLargeError(outcome.limitBytes);
        payload = JSON.stringify(error);
        errorType = error.errorType;
        break;
      }
      case 'timeout': {
        const error = timeoutError(requestId, config.timeoutSeconds);
        payload = JSON.stringify(error);
        errorType = error.errorType;
        status = 'timeout';
        if (outcome.phase === 'init') initLines.push(initReportLine(timings.initDurationMs ?? 0, 'timeout'));
        else errorLines.push(timeoutLogLine(new Date(), requestId, config.timeoutSeconds));
        break;
      }
      case 'lost':
        throw new Error('a lost invoke is retried, never reported');
      case 'exit': {
        const reason = outcome.spawnError ? `Runtime failed to start: ${outcome.spawnError}` : exitReason(outcome.code, outcome.signal);
        const error = outcome.spawnError ? { errorType: 'Runtime.InvalidEntrypoint', errorMessage: `RequestId: ${requestId} Error: ${reason}` } : exitError(requestId, reason, outcome.outOfMemory === true);
        payload = JSON.stringify(error);
        errorType = error.errorType;
        status = 'error';
        if (!delivered) initLines.push(initReportLine(timings.initDurationMs ?? 0, 'error', errorType));
        errorLines.push(exitLogLines(requestId, reason, errorType));
        break;
      }
    }
    const durationMs = timings.durationMs ?? 0;
    log(
      initLines.join('') +
        (delivered ? '' : startLine(requestId, this.config.functionVersion)) +
        errorLines.join('') +
        endLine(requestId) +
        reportLine({
          requestId,
          durationMs,
          memorySizeMB: config.memoryMB,
          ...(timings.maxMemoryUsedMB !== undefined ? { maxMemoryUsedMB: timings.maxMemoryUsedMB } : {}),
          ...(timings.initDurationMs !== undefined ? { initDurationMs: timings.initDurationMs } : {}),
          ...(status ? { status } : {}),
          ...(status && errorType ? { errorType } : {}),
        }),
    );
    return {
      requestId,
      status: errorType === undefined ? 'success' : 'function-error',
      payload,
      ...(errorType !== undefined ? { errorType } : {}),
      httpStatus: 200,
      timedOut: outcome.kind === 'timeout',
      durationMs,
      billedDurationMs: billedDuration(durationMs),
      ...(timings.initDurationMs !== undefined ? { initDurationMs: timings.initDurationMs } : {}),
      ...(timings.maxMemoryUsedMB !== undefined ? { maxMemoryUsedMB: timings.maxMemoryUsedMB } : {}),
      memorySizeMB: config.memoryMB,
      ...(streamed ? { streamed } : {}),
    };
  }
}

function errorTypeIn(payload: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(payload);
    const type = (parsed as { errorType?: unknown } | null)?.errorType;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/** An X-Ray trace header: `Root=1-<8 hex seconds>-<24 hex>;Parent=<16 hex>;Sampled=0`. */
export function newTraceId(now: number = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0');
  return `Root=1-${seconds}-${randomHex(12)};Parent=${randomHex(8)};Sampled=0`;
}

/** Random bytes drawn 4 KiB at a time: a system call per invoke costs more than the rest of the trace id. */
const randomPool = { bytes: Buffer.alloc(0), at: 0 };
function randomHex(length: number): string {
  if (randomPool.at + length > randomPool.bytes.length) Object.assign(randomPool, { bytes: randomBytes(4096), at: 0 });
  randomPool.at += length;
  return randomPool.bytes.toString('hex', randomPool.at - length, randomPool.at);
}
