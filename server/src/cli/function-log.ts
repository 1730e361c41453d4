import { logForTerminal, type LogSink } from '../runtime';
import type { CommandIO } from './command';

/** Where a command's functions write their logs: stderr, as Lambda writes them, or as a terminal shows them when stderr is one. */
export function functionLog(io: CommandIO): LogSink {
  return io.stderrIsTerminal ? (text) => io.stderr(logForTerminal(text)) : io.stderr;
}
