import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMalformed, parseHandlerString, typeScriptExtensions } from '../handler-string';
import { HandlerNotFound, ImportModuleError, MalformedHandlerName, UserCodeSyntaxError } from './errors';
import { userCodeSyntaxError } from './syntax-error';
import { folderIsModule, isTypeScript, moduleFormatOf } from './module-format';
import { enableTypeScript } from './typescript';

/** A handler function as Lambda calls it. */
export type Handler = (event: unknown, context: object, callback: (error?: unknown, result?: unknown) => void) => unknown;

/**
 * Loads the function named by the handler string the way Lambda's Node.js
 * runtime does: an extensionless file, `.js` (CommonJS unless the package is
 * `"type": "module"`), `.mjs`, `.cjs`, then Node's own resolution; TypeScript
 * (`.ts`, `.mts`, `.cts`) after those. `file`, when given, is loaded as is.
 */
export async function loadHandler(taskRoot: string, handlerString: string, file?: string): Promise<Handler> {
  const parsed = parseHandlerString(handlerString);
  if (isMalformed(parsed)) throw new MalformedHandlerName(parsed.error);
  let moduleObject: unknown;
  try {
    moduleObject = file ? await loadFile(taskRoot, file) : await loadLambdaStyle(taskRoot, parsed.moduleRoot, parsed.module);
  } catch (error) {
    throw asLoadError(error);
  }
  const handler = parsed.exportPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], moduleObject);
  if (!handler) throw new HandlerNotFound(`${handlerString} is undefined or not exported`);
  if (typeof handler !== 'function') throw new HandlerNotFound(`${handlerString} is not a function`);
  return handler as Handler;
}

async function loadLambdaStyle(taskRoot: string, moduleRoot: string, module: string): Promise<unknown> {
  const base = resolvePath(taskRoot, moduleRoot, module);
  if (existsSync(base)) return require(base);
  const jsIsModule = existsSync(`${base}.js`) && folderIsModule(resolvePath(base, '..'));
  if (!jsIsModule && existsSync(`${base}.js`)) return require(`${base}.js`);
  if (jsIsModule) return importFile(`${base}.js`);
  if (existsSync(`${base}.mjs`)) return importFile(`${base}.mjs`);
  if (existsSync(`${base}.cjs`)) return require(`${base}.cjs`);
  for (const extension of typeScriptExtensions) {
    if (existsSync(`${base}${extension}`)) return loadFile(taskRoot, `${base}${extension}`);
  }
  return require(require.resolve(module, { paths: [taskRoot, resolvePath(taskRoot, moduleRoot)] }));
}

async function loadFile(taskRoot: string, file: string): Promise<unknown> {
  const path = resolvePath(taskRoot, file);
  if (isTypeScript(path)) enableTypeScript(taskRoot);
  return moduleFormatOf(path) === 'module' ? importFile(path) : require(path);
}

async function importFile(path: string): Promise<unknown> {
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    // Node places a syntax error of an ES module nowhere: the file imported is where to look.
    throw error instanceof SyntaxError ? userCodeSyntaxError(error, path) : error;
  }
}

/** Errors from loading user code, named as Lambda names them. */
function asLoadError(error: unknown): unknown {
  if (error instanceof ImportModuleError || error instanceof HandlerNotFound || error instanceof UserCodeSyntaxError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof SyntaxError) return userCodeSyntaxError(error);
  // esbuild reports TypeScript syntax errors as a failed transform.
  if (Array.isArray((error as { errors?: unknown } | null)?.errors)) return new UserCodeSyntaxError(`SyntaxError: ${(error as Error).message}`);
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return new ImportModuleError(String(error));
  return error;
}
