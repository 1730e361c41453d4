import type { MessagePort } from 'node:worker_threads';
import type { Finding } from '../language/finding';
import type { DocumentFormat } from '../document/model';
import { createWorkbenchService } from '../workbench';
import { AnalysisCancelled, type Analysis } from '../language/service';
import type { AnalysisSettings } from '../language/settings';
import { nextBase } from './documents';

/** One document to analyse for its diagnostics, main thread → worker. */
export interface AnalysisJob {
  readonly kind: 'analyze';
  readonly id: number;
  readonly text: string;
  readonly settings: AnalysisSettings;
  readonly fileName: string;
  readonly format: DocumentFormat;
  /** One Int32 shared with the main thread, which sets it to 1 when a newer version of the document is waiting. */
  readonly abandon: SharedArrayBuffer;
}

/** Main thread → worker: a job, or a closed document whose previous version the worker may drop. */
export type WorkerRequest = AnalysisJob | { readonly kind: 'forget'; readonly fileName: string };

/** Worker → main thread: a job's findings, a job abandoned for a newer version, or a failure to log (the worker has no connection of its own). */
export type WorkerMessage =
  | { readonly kind: 'done'; readonly id: number; readonly findings: readonly Finding[] }
  | { readonly kind: 'abandoned'; readonly id: number }
  | { readonly kind: 'log'; readonly message: string };

/** A policy whose analysis reads the IAM reference data. */
const warmUpPolicy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}';

/**
 * The body of an analysis worker thread: the same language service as the
 * main thread, answering jobs one at a time, so a slow document holds this
 * thread, never the server's hovers, completions or other documents. Per
 * document it keeps the last analysis a newer version can be re-read from
 * (only the edited part is parsed again), and it stops between checks once
 * told a newer version waits.
 */
export function runAnalysisWorker(port: MessagePort, timeBudgetMs: number): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const service = createWorkbenchService({
    timeBudgetMs,
    onFailure: (where, error) => post({ kind: 'log', message: `${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` }),
  });
  const last = new Map<string, Analysis>();
  // Reference data loads on first use: loaded here, before any job, its cost (seconds on a busy machine) is not charged to a document's time budget.
  createWorkbenchService().analyze(warmUpPolicy);
  port.on('message', (request: WorkerRequest) => {
    switch (request.kind) {
      case 'forget':
        last.delete(request.fileName);
        return;
      case 'analyze':
        return post(analyze(request));
    }
  });

  function analyze(job: AnalysisJob): WorkerMessage {
    const abandon = new Int32Array(job.abandon);
    const previous = last.get(job.fileName);
    let analysis: Analysis | undefined;
    try {
      analysis = service.analyze(job.text, job.settings, job.fileName, job.format, { previous, cancelled: () => Atomics.load(abandon, 0) !== 0 });
      return { kind: 'done', id: job.id, findings: analysis.findings };
    } catch (error) {
      if (error instanceof AnalysisCancelled) return { kind: 'abandoned', id: job.id };
      throw error;
    } finally {
      // The previous version, unless this one took its tree or is the better base (see nextBase).
      const base = nextBase(previous, analysis);
      if (base) last.set(job.fileName, base);
      else last.delete(job.fileName);
    }
  }
}
