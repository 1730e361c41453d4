import type { MessagePort } from 'node:worker_threads';
import type { Finding } from '../language/finding';
import type { DocumentFormat } from '../document/model';
import { createWorkbenchService } from '../workbench';
import type { AnalysisSettings } from '../language/settings';

/** One document to analyse for its diagnostics, main thread → worker. */
export interface AnalysisJob {
  readonly id: number;
  readonly text: string;
  readonly settings: AnalysisSettings;
  readonly fileName: string;
  readonly format: DocumentFormat;
}

/** Worker → main thread: a job's findings, or a failure to log (the worker has no connection of its own). */
export type WorkerMessage = { readonly kind: 'done'; readonly id: number; readonly findings: readonly Finding[] } | { readonly kind: 'log'; readonly message: string };

/**
 * The body of an analysis worker thread: the same language service as the
 * main thread, answering jobs one at a time, so a slow document holds this
 * thread, never the server's hovers, completions or other documents.
 */
export function runAnalysisWorker(port: MessagePort, timeBudgetMs: number): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const service = createWorkbenchService({
    timeBudgetMs,
    onFailure: (where, error) => post({ kind: 'log', message: `${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` }),
  });
  port.on('message', (job: AnalysisJob) => {
    const findings = service.analyze(job.text, job.settings, job.fileName, job.format).findings;
    post({ kind: 'done', id: job.id, findings });
  });
}
