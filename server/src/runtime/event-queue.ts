import type { InvokeRequest, InvokeResult, LocalFunction, LogSink } from './local-function';

/** How asynchronous invokes are queued and retried locally. */
export interface EventQueueOptions {
  /**
   * Delays before the retries of a failed event; Lambda retries twice, after
   * about one and two minutes. Locally shortened by default (1 s, 2 s).
   */
  readonly retryDelaysMs?: readonly number[];
  /** Most events waiting at once; past it an event is refused (429). */
  readonly maxQueued?: number;
}

export const defaultRetryDelaysMs: readonly number[] = [1000, 2000];
export const defaultMaxQueued = 1000;
/** After a throttle, try again this soon: an environment frees up when an invoke ends. */
const throttleRetryMs = 20;

interface Queued {
  readonly request: InvokeRequest & { readonly requestId: string };
  /** Attempts made so far (a throttled try is not an attempt). */
  attempts: number;
}

/**
 * Lambda's queue for asynchronous invokes (`X-Amz-Invocation-Type: Event`):
 * every accepted event runs, however many arrive at once; those past the
 * concurrency limit wait their turn (throttled tries are repeated, not
 * lost); an event whose invoke fails is retried twice, each attempt logged.
 */
export class EventQueue {
  private readonly waiting: Queued[] = [];
  private running = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly retryDelaysMs: readonly number[];
  private readonly maxQueued: number;

  constructor(
    private readonly fn: LocalFunction,
    private readonly log: LogSink,
    options: EventQueueOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.maxQueued = options.maxQueued ?? defaultMaxQueued;
  }

  /** Events waiting or running. */
  get size(): number {
    return this.waiting.length + this.running + this.timers.size;
  }

  /** Queues an event; false when the queue is full (the caller answers 429). */
  add(request: InvokeRequest & { readonly requestId: string }): boolean {
    if (this.closed || this.size >= this.maxQueued) return false;
    this.waiting.push({ request, attempts: 0 });
    this.pump();
    return true;
  }

  /** Drops what waits; invokes in flight end with their function. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private pump(): void {
    while (!this.closed && this.waiting.length > 0 && this.running < this.fn.config.reservedConcurrency) {
      const item = this.waiting.shift();
      if (item) void this.run(item);
    }
  }

  private async run(item: Queued): Promise<void> {
    this.running++;
    let result: InvokeResult | undefined;
    try {
      result = await this.fn.invoke(item.request);
    } catch {
      result = undefined; // the function was shut down: nothing more runs
    } finally {
      this.running--;
    }
    if (!result || this.closed) return;
    if (result.status === 'rejected') {
      // Throttled by synchronous invokes: wait for a free environment, as Lambda's queue does.
      this.later(item, throttleRetryMs);
    } else {
      item.attempts++;
      const delay = this.retryDelaysMs[item.attempts - 1];
      if (result.status === 'function-error' && delay !== undefined) {
        this.log(`Async invoke ${item.request.requestId}: attempt ${item.attempts} failed (${result.errorType ?? 'error'}); retrying in ${delay} ms\n`);
        this.later(item, delay);
      } else if (result.status === 'function-error') {
        this.log(`Async invoke ${item.request.requestId}: attempt ${item.attempts} failed (${result.errorType ?? 'error'}); no retries left, the event is dropped\n`);
      }
    }
    this.pump();
  }

  /** Puts `item` back at the head of the queue after `ms`. */
  private later(item: Queued, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting.unshift(item);
      this.pump();
    }, ms);
    this.timers.add(timer);
  }
}
