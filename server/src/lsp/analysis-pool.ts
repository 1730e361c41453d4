import { Worker } from 'node:worker_threads';
import type { Finding } from '../language/finding';
import type { AnalysisSettings } from '../language/settings';
import type { AnalysisJob, WorkerMessage, WorkerRequest } from './analysis-worker';
import type { DocumentFormat } from '../document/model';

type Settle = (findings: readonly Finding[] | undefined) => void;

interface Queued {
  readonly job: Omit<AnalysisJob, 'id' | 'kind' | 'abandon'>;
  readonly settle: Settle;
}

interface Running {
  readonly uri: string;
  readonly settle: Settle;
  /** Shared with the worker: set to 1, the worker stops before its next check. */
  readonly abandon: Int32Array;
}

/**
 * Worker threads that analyse documents for their diagnostics. Two, so one
 * slow document occupies one and the others' diagnostics keep coming. Per
 * document only the newest version is worked on: a waiting older one settles
 * with undefined at once, a running one is told to stop before its next
 * check (and settles with undefined); the newer version then starts on the
 * thread that holds the document's previous analysis.
 */
export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting = new Map<string, Queued>();
  private readonly running = new Map<Worker, Running>();
  private readonly lastWorker = new Map<string, Worker>();
  private nextId = 0;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Forgets a closed document, here and in the workers. */
  forget(uri: string): void {
    this.lastWorker.delete(uri);
    for (const worker of this.all) worker.postMessage({ kind: 'forget', fileName: uri } satisfies WorkerRequest);
  }

  /** The findings of the text, or undefined when a newer version of the same document came before they were ready. */
  analyze(uri: string, text: string, settings: AnalysisSettings, format: DocumentFormat): Promise<readonly Finding[] | undefined> {
    return new Promise((settle) => {
      this.waiting.get(uri)?.settle(undefined);
      this.waiting.delete(uri);
      for (const job of this.running.values()) if (job.uri === uri) Atomics.store(job.abandon, 0, 1);
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
      // Its older version is stopping on a worker that holds its previous analysis: wait for that one.
      if ([...this.running.values()].some((job) => job.uri === uri)) continue;
      const worker = this.take(this.lastWorker.get(uri)) ?? this.start();
      if (!worker) return;
      this.lastWorker.set(uri, worker);
      this.waiting.delete(uri);
      const abandon = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
      this.running.set(worker, { uri, settle: queued.settle, abandon: new Int32Array(abandon) });
      worker.postMessage({ kind: 'analyze', id: this.nextId++, abandon, ...queued.job } satisfies WorkerRequest);
    }
  }

  /**
   * An idle worker, the one that analysed the document last when it is idle:
   * it holds the document's last analysis and its statements' reports.
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
      switch (message.kind) {
        case 'log':
          return this.log(message.message);
        case 'done':
        case 'abandoned':
          this.running.get(worker)?.settle(message.kind === 'done' ? message.findings : undefined);
          this.running.delete(worker);
          this.idle.push(worker);
          return this.dispatch();
      }
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
