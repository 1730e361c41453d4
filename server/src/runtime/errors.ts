/** Errors the platform (not the function's code) returns, in the shapes Lambda returns them. */

/** The JSON body of a function error, as Lambda's Invoke returns it. */
export interface FunctionErrorBody {
  readonly errorType?: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 3.00 seconds"}` */
export function timeoutError(requestId: string, timeoutSeconds: number): FunctionErrorBody {
  return { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds` };
}

/**
 * How the runtime process ended, in the words Lambda uses (Go's process state):
 * `exit status 1`, `signal: killed`, `signal: aborted`.
 */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `Runtime exited with error: signal: ${signalWords[signal] ?? signal}`;
  if (code === null || code === 0) return 'Runtime exited without providing a reason';
  return `Runtime exited with error: exit status ${code}`;
}

const signalWords: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
  SIGFPE: 'floating point exception',
};

/**
 * `{"errorType":"Runtime.ExitError","errorMessage":"RequestId: <id> Error: Runtime exited with error: exit status 1"}`;
 * `Runtime.OutOfMemory` when the process ran out of memory, as Lambda's Node.js runtime reports it.
 */
export function exitError(requestId: string, reason: string, outOfMemory = false): Required<Omit<FunctionErrorBody, 'trace'>> {
  return { errorType: outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${reason}` };
}

/** What Lambda's Invoke returns (HTTP 429) when every environment allowed by reserved concurrency is busy. */
export const throttledError: FunctionErrorBody = { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' };

/** Lambda's limit for a synchronous response: 6 MiB plus 100 bytes. */
export const maxPayloadBytes = 6 * 1024 * 1024 + 100;
/** A streamed response (`awslambda.streamifyResponse`) may reach 200 MB. */
export const maxStreamedResponseBytes = 200 * 1024 * 1024;

/** The invoke error when the runtime posts a response larger than Lambda allows (6 MB, or 200 MB streamed). */
export function responseTooLargeError(limitBytes: number): FunctionErrorBody {
  return { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size exceeded maximum allowed payload size (${limitBytes} bytes).` };
}

/** The invoke error when the event is larger than `maxPayloadBytes` (Lambda answers 413). */
export function requestTooLargeError(size: number): FunctionErrorBody {
  return { errorType: 'RequestEntityTooLargeException', errorMessage: `${size} byte payload is too large for the RequestResponse invocation type (limit ${maxPayloadBytes} bytes)` };
}
