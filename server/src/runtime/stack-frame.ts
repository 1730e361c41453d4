/** A place in a file named by a stack trace line, 1-based as V8 prints it. */
export interface StackFrame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const frame = /(?:\(|at )((?:\/|[A-Za-z]:[\\/]|file:\/\/)[^()]*?):(\d+):(\d+)\)?\s*$/;
/** esbuild's `file:line:col: ERROR: ...`, as a TypeScript syntax error reports its place. */
const compilerMessage = /^((?:\/|[A-Za-z]:[\\/])[^:]*?):(\d+):(\d+): /;
/**
 * A Python traceback entry, `File "/app/handler.py", line 12, in handler`, or a syntax error's
 * place as Lambda's Python runtime writes it, `File "/app/handler.py" Line 2`: no column (the
 * source line is shown re-indented).
 */
const pythonFrame = /^\s*File "((?:\/|[A-Za-z]:[\\/])[^"]*)",? [Ll]ine (\d+)/;

/**
 * The frame to show for an error: the innermost one in `preferred` (the handler's
 * file), else the innermost in the user's code (not node internals, node_modules
 * or files `isRuntime` says belong to the runtime).
 */
export function userFrame(lines: readonly string[], preferred: string, isRuntime: (file: string) => boolean): StackFrame | undefined {
  const frames: StackFrame[] = [];
  for (const text of lines) {
    const python = pythonFrame.exec(text);
    const match = python ?? frame.exec(text) ?? compilerMessage.exec(text);
    if (!match) continue;
    const file = (match[1] ?? '').replace(/^file:\/\//, '');
    if (/[\\/](?:node_modules|site-packages)[\\/]/.test(file) || isRuntime(file)) continue;
    // A Python traceback lists the most recent call last; V8's stack, first.
    if (python) frames.unshift({ file, line: Number(match[2]), column: 1 });
    else frames.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return frames.find((f) => f.file === preferred) ?? frames[0];
}

/** The trace lines of an error body: `trace` (Node.js runtime) or `stackTrace`, else the message's own lines. */
export function traceLines(body: unknown): string[] {
  const b = (body ?? {}) as { trace?: unknown; stackTrace?: unknown; errorMessage?: unknown };
  const list = Array.isArray(b.trace) ? b.trace : Array.isArray(b.stackTrace) ? b.stackTrace : [];
  const message = typeof b.errorMessage === 'string' ? b.errorMessage.split('\n') : [];
  return [...list.filter((l): l is string => typeof l === 'string'), ...message];
}
