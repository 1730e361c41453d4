import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { handlerStringFor, typeScriptExtensions, type HandlerString, type MalformedHandler } from './handler-string';

/** Where a handler found in an editor runs from: its task root and Lambda's handler string for it. */
export interface HandlerTarget {
  readonly root: string;
  readonly handler: string;
  /** The file itself, loaded as is (Lambda's resolution order might prefer a built .js beside it). */
  readonly file: string;
}

/** Files that mark a function's code folder: a Node.js package, or a Python project's dependencies. */
const nodeMarkers = ['package.json'];
const pythonMarkers = ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile'];

/**
 * The task root for a source file: the nearest folder with a package.json
 * (a requirements.txt or pyproject.toml for Python), up to `boundary` (the
 * workspace folder), else `boundary`, else the file's folder. `exists` is
 * injected so the rule is testable without a file system.
 */
export function taskRootFor(file: string, boundary: string | undefined, exists: (path: string) => boolean): string {
  const stop = boundary && !relative(boundary, file).startsWith('..') ? boundary : undefined;
  const markers = file.endsWith('.py') ? pythonMarkers : nodeMarkers;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (markers.some((marker) => exists(join(dir, marker)))) return dir;
    if (dir === stop || dirname(dir) === dir) break;
  }
  return stop ?? dirname(file);
}

export function handlerTarget(file: string, exportName: string, boundary: string | undefined, exists: (path: string) => boolean): HandlerTarget | MalformedHandler {
  const root = taskRootFor(file, boundary, exists);
  const rel = relative(root, file);
  if (isAbsolute(rel)) return { error: `${file} is on another drive than its task root ${root}` };
  const handler = handlerStringFor(rel.split(sep).join('/'), exportName);
  return typeof handler === 'string' ? { root, handler, file } : handler;
}

/** The file the runtime loads for a handler string under `root`: Lambda's extensions in its order, then TypeScript; undefined when none exists. */
export function handlerFileFor(root: string, handler: HandlerString, exists: (path: string) => boolean): string | undefined {
  const base = join(root, handler.moduleRoot, handler.module);
  return ['.js', '.mjs', '.cjs', ...typeScriptExtensions].map((extension) => `${base}${extension}`).find(exists);
}
