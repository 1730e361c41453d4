import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHandlerString } from './handler-string';

/** The languages the local runtime runs handlers in: custom runtimes bring their own `bootstrap`. */
export type HandlerLanguage = 'nodejs' | 'python' | 'custom';

const javascriptExtensions = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * Which language a handler is in: the runtime's name when one is given
 * (`python3.12`, `nodejs20.x`), else the handler's module as it lies in the
 * code folder (`app.handler` with an `app.py` and no `app.js` is Python;
 * Python's module is everything before the last dot: `pkg.inner.handler`).
 */
export function handlerLanguage(root: string, handler: string, runtime?: string): { readonly language: HandlerLanguage } | { readonly problem: string } {
  if (runtime !== undefined) {
    if (runtime.startsWith('python')) return { language: 'python' };
    if (runtime.startsWith('nodejs')) return { language: 'nodejs' };
    if (runtime.startsWith('provided')) return existsSync(join(root, 'bootstrap')) ? { language: 'custom' } : { problem: `the ${runtime} runtime runs the code folder's bootstrap executable, and ${join(root, 'bootstrap')} does not exist` };
    return { problem: `the ${runtime} runtime cannot run here yet: Node.js (nodejs*), Python (python*) and custom runtimes (provided*) can` };
  }
  const parsed = parseHandlerString(handler);
  const javascript = 'module' in parsed && javascriptExtensions.some((extension) => existsSync(join(root, `${parsed.moduleRoot}${parsed.module}${extension}`)));
  const pythonModule = join(root, handler.slice(0, Math.max(0, handler.lastIndexOf('.'))).replace(/\./g, '/'));
  const python = handler.includes('.') && (existsSync(`${pythonModule}.py`) || existsSync(join(pythonModule, '__init__.py')));
  return { language: python && !javascript ? 'python' : 'nodejs' };
}
