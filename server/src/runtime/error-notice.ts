import { traceLines, userFrame, type StackFrame } from './stack-frame';

/** What to tell a person about a failed invoke: one line, and the place in their code to open. */
export interface ErrorNotice {
  /** `src/index.handler: ValidationError: name is required`, the message cut to its first line. */
  readonly message: string;
  /** The same without the handler: `ValidationError: name is required`. */
  readonly summary: string;
  /** The frame to open: in the handler's file if the trace passes through it, else the first in user code. */
  readonly frame?: StackFrame;
  /** The action that opens the frame, e.g. `Go to index.js:12`. */
  readonly goTo?: string;
  /** `/app/src/index.js:12:3`, a place editors and terminals turn into a link. */
  readonly location?: string;
}

/**
 * The notice for an invoke's error body (`{errorType, errorMessage, trace}` or a
 * runtime's `stackTrace`; any other text is the message). `isRuntime` tells the
 * runtime's own files, whose frames are never the place to go.
 */
export function errorNotice(handler: string, handlerFile: string, payload: string, errorType: string | undefined, isRuntime: (file: string) => boolean): ErrorNotice {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    body = { errorMessage: payload };
  }
  const rawMessage = (body as { errorMessage?: unknown } | null)?.errorMessage;
  const firstLine = (typeof rawMessage === 'string' ? rawMessage : rawMessage === undefined ? '' : JSON.stringify(rawMessage)).split('\n')[0];
  const summary = `${errorType ?? 'Error'}${firstLine ? `: ${firstLine}` : ''}`;
  const message = `${handler}: ${summary}`;
  const frame = userFrame(traceLines(body), handlerFile, isRuntime);
  if (!frame) return { message, summary };
  return { message, summary, frame, goTo: `Go to ${frame.file.split(/[\\/]/).pop() ?? frame.file}:${frame.line}`, location: `${frame.file}:${frame.line}:${frame.column}` };
}
