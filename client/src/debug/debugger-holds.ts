/** What the debugger's holds act on: a debug run's deadlines. */
export interface Deadlines {
  pauseDeadlines(): void;
  resumeDeadlines(): void;
}

/** The fields of a Debug Adapter Protocol message this reads. */
export interface DapMessage {
  readonly type?: string;
  readonly event?: string;
  readonly command?: string;
  readonly body?: { readonly threadId?: number; readonly allThreadsContinued?: boolean };
  readonly arguments?: { readonly threadId?: number; readonly singleThread?: boolean };
}

/** Requests that let stopped threads run: DAP does not require an adapter to announce them with `continued` (js-debug does, a few ms later). */
const resumingRequests: ReadonlySet<string> = new Set(['continue', 'next', 'stepIn', 'stepOut', 'restartFrame']);

/**
 * Follows the JavaScript debugger's sessions of one debug run (js-debug's
 * sessions under ours, one per process or worker) and keeps the run's
 * deadlines paused exactly while the debugger holds the process: from the
 * start, as the environment waits under `--inspect-brk` until js-debug lets
 * it run (its first `continued`); then while any thread is stopped (a
 * `stopped` event, until a `continued` event or a request that resumes it).
 */
export class DebuggerHolds {
  private waitingForDebugger = true;
  /** Stopped threads, as `session id` and thread id. */
  private readonly stopped = new Set<string>();
  private held = true;

  constructor(private readonly deadlines: Deadlines) {}

  /** A message the session's adapter (js-debug) sent: `stopped` and `continued` events. */
  sent(sessionId: string, message: DapMessage): void {
    if (message.type !== 'event') return;
    const threadId = message.body?.threadId;
    if (message.event === 'stopped' && threadId !== undefined) this.stopped.add(key(sessionId, threadId));
    else if (message.event === 'continued') this.resumed(sessionId, message.body?.allThreadsContinued === true ? undefined : threadId);
    this.settle();
  }

  /** A message the session's adapter will receive: requests that resume threads. */
  received(sessionId: string, message: DapMessage): void {
    if (message.type !== 'request' || !resumingRequests.has(message.command ?? '')) return;
    // Without `singleThread`, DAP's resuming requests resume every thread of the session.
    this.resumed(sessionId, message.arguments?.singleThread === true ? message.arguments.threadId : undefined);
    this.settle();
  }

  /** The session has ended: its threads hold nothing any more (and the deadlines never wait for a debugger that went away). */
  ended(sessionId: string): void {
    this.resumed(sessionId, undefined);
    this.settle();
  }

  /** One thread of the session, or all of them (`threadId` undefined), runs. */
  private resumed(sessionId: string, threadId: number | undefined): void {
    this.waitingForDebugger = false;
    if (threadId !== undefined) {
      this.stopped.delete(key(sessionId, threadId));
      return;
    }
    for (const thread of this.stopped) if (thread.startsWith(`${sessionId} `)) this.stopped.delete(thread);
  }

  private settle(): void {
    const held = this.waitingForDebugger || this.stopped.size > 0;
    if (held === this.held) return;
    this.held = held;
    if (held) this.deadlines.pauseDeadlines();
    else this.deadlines.resumeDeadlines();
  }
}

function key(sessionId: string, threadId: number): string {
  return `${sessionId} ${threadId}`;
}
