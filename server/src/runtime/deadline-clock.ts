import { performance } from 'node:perf_hooks';

/**
 * An execution environment's clock for its deadlines and durations. It
 * stands still while paused (a debugger holding the process), so a deadline
 * keeps exactly the time it had left, and a duration counts only the time
 * the code could run.
 */
export class DeadlineClock {
  /** Time spent paused before the current pause. */
  private pausedMs = 0;
  private pausedAt: number | undefined;
  private deadline: { readonly at: number; readonly fire: () => void } | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Milliseconds on this clock: `performance.now()` less the time spent paused. */
  now(): number {
    const real = performance.now();
    return real - this.pausedMs - (this.pausedAt === undefined ? 0 : real - this.pausedAt);
  }

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  /** Calls `fire` once `ms` have passed on this clock (replacing the deadline set before); set while paused, it starts counting on resume. */
  setDeadline(ms: number, fire: () => void): void {
    this.clearDeadline();
    this.deadline = { at: this.now() + ms, fire };
    this.schedule();
  }

  /** Time left before the deadline fires, on this clock; undefined when none is set. */
  remaining(): number | undefined {
    return this.deadline ? this.deadline.at - this.now() : undefined;
  }

  clearDeadline(): void {
    this.unschedule();
    this.deadline = undefined;
  }

  /** Stops the clock; pausing a paused clock does nothing. */
  pause(): void {
    if (this.pausedAt !== undefined) return;
    this.pausedAt = performance.now();
    this.unschedule();
  }

  /** Starts the clock again; the deadline fires after the time it had left. */
  resume(): void {
    if (this.pausedAt === undefined) return;
    this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = undefined;
    this.schedule();
  }

  private schedule(): void {
    const deadline = this.deadline;
    if (!deadline || this.paused) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Node's timers run on the loop's cached millisecond clock and can fire a little early by this one.
      if (deadline.at - this.now() > 0) return this.schedule();
      this.deadline = undefined;
      deadline.fire();
    }, Math.max(0, deadline.at - this.now()));
  }

  private unschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
