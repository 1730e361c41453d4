import { Worker } from 'node:worker_threads';
import type { Finding } from '../language/finding';
import type { AnalysisSettings } from '../language/settings';
import type { AnalysisJob, WorkerMessage } from './analysis-worker';
import type { DocumentFormat } from '../document/model';

interface Queued {
  readonly job: Omit<AnalysisJob, 'id'>;
  readonly settle: (findings: readonly Finding[] | undefined) => void;
}

/**
 * Worker threads that analyse documents for their diagnostics. Two, so one
 * slow document occupies one and the others' diagnostics keep coming; per
 * document only the newest waiting version is kept (older ones settle with
 * undefined: superseded before they started).
 */
export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting = new Map<string, Queued>();
  private readonly running = new Map<Worker, Queued>();
  private readonly lastWorker = new Map<string, Worker>();
  private nextId = 0;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.lastWorker.delete(uri);
  }

  /** The findings of the text, or undefined when a newer version of the same document was queued before this one started. */
  analyze(uri: string, text: string, settings: AnalysisSettings, format: DocumentFormat): Promise<readonly Finding[] | undefined> {
    return new Promise((settle) => {
      this.waiting.get(uri)?.settle(undefined);
      this.waiting.delete(uri);
      this.waiting.set(uri, { job: { text, settings, fileName: uri, format }, settle });
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const queued of this.waiting.values()) queued.settle(undefined);
    this.waiting.clear();
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    for (const [uri, queued] of this.waiting) {
      const worker = this.take(this.lastWorker.get(uri)) ?? this.start();
      if (!worker) return;
      this.lastWorker.set(uri, worker);
      this.waiting.delete(uri);
      this.running.set(worker, queued);
      worker.postMessage({ id: this.nextId++, ...queued.job } satisfies AnalysisJob);
    }
  }

  /**
   * An idle worker, the one that analysed the document last when it is idle:
   * it holds the document's statements' reports (iam/statement-cache.ts).
   */
  private take(preferred: Worker | undefined): Worker | undefined {
    const at = preferred ? this.idle.indexOf(preferred) : -1;
    return at >= 0 ? this.idle.splice(at, 1)[0] : this.idle.pop();
  }

  /** A new worker while the pool is below its size; started on demand, not at server start. */
  private start(): Worker | undefined {
    if (this.disposed || this.all.length >= this.size) return undefined;
    const worker = new Worker(this.script);
    worker.unref();
    this.all.push(worker);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'log') return this.log(message.message);
      this.running.get(worker)?.settle(message.findings);
      this.running.delete(worker);
      this.idle.push(worker);
      this.dispatch();
    });
    worker.on('error', (error) => this.log(`analysis worker failed: ${error.stack ?? error.message}`));
    // A worker that died (an error, or terminate) takes nobody's job with it: its job settles as superseded, a new worker takes the next.
    worker.on('exit', () => {
      this.running.get(worker)?.settle(undefined);
      this.running.delete(worker);
      this.all.splice(this.all.indexOf(worker), 1);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      if (!this.disposed) this.dispatch();
    });
    return worker;
  }
}
