import { dirname, sep } from 'node:path';
import { errorNotice, type InvokeResult, logForTerminal, type LogSink } from '../runtime';
import type { CommandIO } from './command';
import { bootstrapScript } from './function-options';

/** Where a command's functions write their logs: stderr, as Lambda writes them, or as a terminal shows them when stderr is one. */
export function functionLog(io: CommandIO): LogSink {
  return io.stderrIsTerminal ? (text) => io.stderr(logForTerminal(text)) : io.stderr;
}

/**
 * One line for a failed invoke: `FILE:LINE:COL: HANDLER failed: TYPE: MESSAGE`,
 * the place being the innermost frame of the user's code (never the runtime's
 * own files), as a terminal links it.
 */
export function failureLine(handler: string, result: InvokeResult): string {
  const runtimeFolder = dirname(bootstrapScript()) + sep;
  const notice = errorNotice(handler, '', result.payload, result.errorType, (file) => file.startsWith(runtimeFolder));
  return `${notice.location ? `${notice.location}: ` : ''}${handler} failed: ${notice.summary}`;
}
