import { types } from 'node:util';

/** Runtime errors named as Lambda's Node.js runtime names them (`Runtime.ImportModuleError`, ...). */
function runtimeError(name: string) {
  const cls = class extends Error {};
  Object.defineProperty(cls.prototype, 'name', { value: `Runtime.${name}`, writable: true, configurable: true });
  return cls;
}

export const ImportModuleError = runtimeError('ImportModuleError');
export const HandlerNotFound = runtimeError('HandlerNotFound');
export const MalformedHandlerName = runtimeError('MalformedHandlerName');
export const UserCodeSyntaxError = runtimeError('UserCodeSyntaxError');
export const NodeJsExit = runtimeError('NodeJsExit');
export const UnhandledPromiseRejection = runtimeError('UnhandledPromiseRejection');

/** The message Lambda's runtime gives an async handler whose promise never settled. */
export const nodeJsExitMessage =
  'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

/** The body posted to the Runtime API for an error: `{errorType, errorMessage, trace}`. */
export interface ErrorBody {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: string[];
}

function looksLikeError(value: unknown): value is Error {
  const v = value as Partial<Error> | null;
  return !!v && typeof v.name === 'string' && typeof v.message === 'string' && typeof v.stack === 'string';
}

/** As the Node.js runtime reports an error: its name, message and stack lines; other values by type. */
export function toErrorBody(error: unknown): ErrorBody {
  try {
    if (types.isNativeError(error) || looksLikeError(error)) {
      return { errorType: error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack' };
  }
}

/** The tab-led JSON the runtime logs after "Invoke Error": the error's own properties, stack as lines. */
export function formatLoggedError(error: unknown): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (!(value instanceof Error)) return value;
    const out: Record<string, unknown> = { errorType: value.name, errorMessage: value.message, code: (value as { code?: unknown }).code, ...value };
    if (typeof value.stack === 'string') out['stack'] = value.stack.split('\n');
    return out;
  };
  try {
    return `\t${JSON.stringify(error, replacer)}`;
  } catch {
    return `\t${JSON.stringify(toErrorBody(error))}`;
  }
}

export function intoError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
