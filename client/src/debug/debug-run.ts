import { functionConfig, type FunctionOptions } from '../../../server/src/runtime/config';
import { LocalFunction, type InvokeResult } from '../../../server/src/runtime/local-function';
import { InspectorOutput, type InspectorAddress } from './inspector-output';

/** How long a paused environment may take to announce its inspector. */
export const inspectorDeadlineMs = 15_000;

/**
 * One debug session's function: a single execution environment, started
 * under Node's inspector (`--inspect-brk`, so nothing of the bootstrap or the
 * handler runs before a debugger has set its breakpoints and resumes it) with
 * timeouts not enforced, and one invoke. Without `debug` (Run Without
 * Debugging) it is an ordinary environment with the timeout enforced.
 */
export class DebugRun {
  /** Settles when the invoke returns, or when the environment is stopped first (as Runtime.ExitError). */
  readonly invoked: Promise<InvokeResult>;
  private readonly fn: LocalFunction;
  private readonly output: InspectorOutput | undefined;
  private readonly announced: Promise<InspectorAddress | undefined>;
  private stopped = false;

  constructor(options: FunctionOptions, payload: string, log: (text: string) => void, debug: boolean) {
    let listening: (address: InspectorAddress) => void = () => {};
    const heard = new Promise<InspectorAddress>((resolve) => (listening = resolve));
    this.output = debug ? new InspectorOutput(log, (address) => listening(address)) : undefined;
    const sink = this.output ? (text: string) => this.output?.push(text) : log;
    // Port 0: Node picks a free port and names it in its banner, so sessions never collide.
    const config = functionConfig({ ...options, reservedConcurrency: 1, ...(debug ? { execArgv: ['--inspect-brk=127.0.0.1:0'], enforceTimeouts: false } : {}) });
    this.fn = new LocalFunction(config, sink);
    this.invoked = this.fn.invoke({ payload }).finally(() => this.output?.flush());
    this.announced = debug ? Promise.race([heard, this.invoked.then(() => undefined)]) : Promise.resolve(undefined);
  }

  /** Where the inspector listens, once the environment says; undefined if it ended or stayed silent past the deadline. */
  async inspector(deadlineMs: number = inspectorDeadlineMs): Promise<InspectorAddress | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deadlineMs)));
    try {
      return await Promise.race([this.announced, late]);
    } finally {
      clearTimeout(timer);
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
}
