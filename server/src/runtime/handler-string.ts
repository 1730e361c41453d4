/**
 * Lambda's handler setting (`_HANDLER`), split the way the Node.js runtime
 * splits it: everything up to the last `/` is a folder under the task root,
 * the rest is `module.export.path` with the module name before the first dot.
 */
export interface HandlerString {
  readonly raw: string;
  /** Folder of the module relative to the task root, with a trailing `/`, or ''. */
  readonly moduleRoot: string;
  /** File name without extension, e.g. `index`. */
  readonly module: string;
  /** Property path to the function inside the module, e.g. `handler` or `handlers.get`. */
  readonly exportPath: string;
}

/** Why a handler string cannot name a function; the runtime reports it as Runtime.MalformedHandlerName. */
export interface MalformedHandler {
  readonly error: string;
}

export function parseHandlerString(raw: string): HandlerString | MalformedHandler {
  if (raw.includes('..')) {
    return { error: `'${raw}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.` };
  }
  const slash = raw.lastIndexOf('/');
  const base = raw.slice(slash + 1);
  const dot = base.indexOf('.');
  if (dot < 0 || dot === base.length - 1) return { error: 'Bad handler' };
  return { raw, moduleRoot: raw.slice(0, slash + 1), module: base.slice(0, dot), exportPath: base.slice(dot + 1) };
}

export function isMalformed<T extends object>(value: T | MalformedHandler): value is MalformedHandler {
  return 'error' in value;
}

/** Extensions the runtime tries after Lambda's own (`.js`, `.mjs`, `.cjs`), in this order. */
export const typeScriptExtensions = ['.ts', '.mts', '.cts'] as const;

/**
 * The handler string naming `exportName` of the file at `relativeFile` (relative to the task root, `/`-separated).
 * Refuses file names that Lambda could not name: a dot in the name before the extension.
 */
export function handlerStringFor(relativeFile: string, exportName: string): string | MalformedHandler {
  const slash = relativeFile.lastIndexOf('/');
  const base = relativeFile.slice(slash + 1);
  const stem = base.replace(/\.(?:[cm]?[jt]s|jsx|tsx|py)$/, '');
  if (stem.includes('.')) return { error: `Lambda's handler string cannot name "${base}": the file name has a dot before its extension` };
  if (relativeFile.startsWith('../')) return { error: `"${relativeFile}" is outside the task root` };
  return `${relativeFile.slice(0, slash + 1)}${stem}.${exportName}`;
}
