import { functionConfig, type FunctionOptions, type InvokeResult, LocalFunction } from '../../../server/src/runtime';
import { InspectorOutput, type InspectorAddress } from './inspector-output';

/** How long a paused environment may take to announce its inspector. */
export const inspectorDeadlineMs = 15_000;

/** What a debug run tells its session. */
export interface DebugRunEvents {
  /** The function's log (START, its output, END, REPORT), without Node's inspector lines. */
  readonly log: (text: string) => void;
  /** The environment waits, paused, for a debugger on this address. */
  readonly listening: (address: InspectorAddress) => void;
  /** The environment runs but never said where its inspector listens (it is shut down). */
  readonly silent: () => void;
}

/**
 * One debug session's function: a single execution environment, started
 * when the event is ready, under Node's inspector (`--inspect-brk`, so
 * nothing of the bootstrap or the handler runs before a debugger has set its
 * breakpoints and resumes it). Its init and invoke deadlines start paused, as
 * the process is, and run only while the debugger lets the process run (the
 * session calls `pauseDeadlines` and `resumeDeadlines`). Without `debug` (Run
 * Without Debugging) it is an ordinary environment.
 */
export class DebugRun {
  private readonly fn: LocalFunction;
  private readonly output: InspectorOutput | undefined;
  private heard = false;
  private stopped = false;

  constructor(options: FunctionOptions, debug: boolean, private readonly events: DebugRunEvents) {
    this.output = debug ? new InspectorOutput(events.log, (address) => this.announced(address)) : undefined;
    const sink = this.output ? (text: string) => this.output?.push(text) : events.log;
    // Port 0: Node picks a free port and names it in its banner, so sessions never collide.
    const config = functionConfig({ ...options, reservedConcurrency: 1, ...(debug ? { execArgv: ['--inspect-brk=127.0.0.1:0'], remainingTimeFollowsPauses: true } : {}) });
    this.fn = new LocalFunction(config, sink);
    if (debug) this.fn.pauseDeadlines();
  }

  /** The debugger holds the process (a stop, or the wait for it to attach): no timeout, and the time does not count. */
  pauseDeadlines(): void {
    this.fn.pauseDeadlines();
  }

  /** The debugger lets the process run: the deadlines go on with the time they had left. */
  resumeDeadlines(): void {
    this.fn.resumeDeadlines();
  }

  /** Starts the environment and invokes it; settles when the handler returns, or as Runtime.ExitError when the run is stopped first. */
  async invoke(payload: string): Promise<InvokeResult> {
    let timer: NodeJS.Timeout | undefined;
    if (this.output) {
      timer = setTimeout(() => {
        if (this.heard || this.stopped) return;
        this.events.silent();
        void this.stop();
      }, inspectorDeadlineMs);
    }
    try {
      return await this.fn.invoke({ payload });
    } finally {
      clearTimeout(timer);
      this.output?.flush();
    }
  }

  /** True once `stop` was called: an invoke that ends after it ended because of it. */
  get wasStopped(): boolean {
    return this.stopped;
  }

  /** Shuts the environment down (SIGKILL, as Lambda's Shutdown); an invoke still in flight ends as Runtime.ExitError. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.fn.shutdown();
  }

  private announced(address: InspectorAddress): void {
    this.heard = true;
    this.events.listening(address);
  }
}
