/** The platform's log lines around each invoke, formatted as Lambda prints them (text log format). */

/** `START RequestId: <id> Version: $LATEST` */
export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}\n`;
}

/** What a REPORT line reports about one invoke. */
export interface ReportFields {
  readonly requestId: string;
  readonly durationMs: number;
  readonly memorySizeMB: number;
  /** Unknown when the runtime could not measure it. */
  readonly maxMemoryUsedMB?: number;
  /** Present on the invoke that followed a cold start. */
  readonly initDurationMs?: number;
  /** `timeout` or `error` when the environment ended abnormally, as Lambda adds to the line. */
  readonly status?: 'timeout' | 'error';
  readonly errorType?: string;
}

/** Billed duration: the duration rounded up to the next millisecond, as Lambda bills. */
export function billedDuration(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs));
}

/** `REPORT RequestId: <id>\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tInit Duration: 150.42 ms\t` */
export function reportLine(f: ReportFields): string {
  const parts = [
    `REPORT RequestId: ${f.requestId}`,
    `Duration: ${f.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${billedDuration(f.durationMs)} ms`,
    `Memory Size: ${f.memorySizeMB} MB`,
    `Max Memory Used: ${f.maxMemoryUsedMB ?? '-'} MB`,
  ];
  if (f.initDurationMs !== undefined) parts.push(`Init Duration: ${f.initDurationMs.toFixed(2)} ms`);
  if (f.status) parts.push(`Status: ${f.status}`);
  if (f.errorType) parts.push(`Error Type: ${f.errorType}`);
  return `${parts.join('\t')}\t\n`;
}

/** `INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout`, printed when Init fails. */
export function initReportLine(durationMs: number, status: 'timeout' | 'error', errorType?: string): string {
  const parts = [`INIT_REPORT Init Duration: ${durationMs.toFixed(2)} ms`, 'Phase: init', `Status: ${status}`];
  if (errorType) parts.push(`Error Type: ${errorType}`);
  return `${parts.join('\t')}\n`;
}

/** The line the platform logs when an invoke times out: `<ISO time> <id> Task timed out after 3.00 seconds`. */
export function timeoutLogLine(at: Date, requestId: string, timeoutSeconds: number): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds\n`;
}

/** `RequestId: <id> Error: Runtime exited with error: exit status 1` then the error type, as Lambda logs a dead runtime. */
export function exitLogLines(requestId: string, reason: string, errorType: string): string {
  return `RequestId: ${requestId} Error: ${reason}\n${errorType}\n`;
}

/**
 * A function's log as a terminal should show it. Lambda keeps a multi-line
 * record (a stack trace, a logged object) on one line, its inner line breaks
 * written as \r, so that CloudWatch gets one event per record; a terminal
 * takes \r as "back to the start of the line" and writes each inner line over
 * the one before. A \r at the end of a chunk is taken as a break too: an
 * extra empty line, at worst, where a \r\n was split between two chunks.
 */
export function logForTerminal(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
