import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { LineIndex } from '../document/line-index';
import { formatOfFileName, parseSourceDocument } from '../document/parse';
import { serverlessFunctions, type StackOptions, templateFunctions, type TemplateFunctionDefinition, type Unresolved } from '../template';
import type { TemplateLayer } from './function-source';

// A template's functions as a local run needs them: found by logical id (the
// CLI's FUNCTION, a template's Invoke lens) or by code folder and handler
// string (a handler file's lens), read into the template layer of the
// function's settings (function-source.ts).

/** The template files a folder may hold, in the order SAM CLI looks for them, and the Serverless Framework's. */
export const templateFileNames = ['template.yaml', 'template.yml', 'template.json', 'serverless.yml', 'serverless.yaml'] as const;

/** A template in the folder, when a name is no handler string. */
export function defaultTemplate(folder: string): string | undefined {
  return templateFileNames.map((name) => join(folder, name)).find((path) => existsSync(path));
}

/** A handler string has a dot (`app.handler`); a function's logical id or serverless name has none. */
export function namesTemplateFunction(name: string): boolean {
  return !name.includes('.') && !name.includes('/');
}

/** A function of a template, ready to run: its code folder, its settings as a layer, and what the template could not say. */
export interface TemplateFunction {
  readonly root: string;
  readonly layer: TemplateLayer;
  /** What the template could not say locally (an environment variable naming a resource...), each `file:line:col: message`. */
  readonly unresolved: readonly string[];
  /** Layers that are not on this machine. */
  readonly warnings: readonly string[];
}

/** What the template could not resolve and no stronger layer gave (`environment` as layered): the function must not run without it. */
export function missingTemplateValues(template: TemplateFunction, environment: Readonly<Record<string, string>>): Array<{ readonly message: string; readonly variable: string | undefined }> {
  return template.unresolved.map((message) => ({ message, variable: /environment variable (\S+):/.exec(message)?.[1] })).filter((u) => u.variable === undefined || !(u.variable in environment));
}

/** One function of a template, for a lens: its logical id, where its key is, and whether it can run here. */
export interface TemplateFunctionEntry {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
  /** Its code folder, as far as the template says (events are named relative to it). */
  readonly root: string;
  readonly runtime: string | undefined;
  /** Why it cannot run locally (code in S3, inline, an image), if it cannot. */
  readonly notLocal: string | undefined;
}

/** A template read: its functions, or why it cannot be read. */
type Read = { readonly functions: TemplateFunctionDefinition[]; readonly lines: LineIndex } | { readonly problem: string };

function read(templatePath: string, text: string, options: StackOptions): Read {
  const document = parseSourceDocument(text, formatOfFileName(templatePath));
  const [syntax] = document.syntaxProblems;
  if (!document.root || syntax) return { problem: `${location(templatePath, document.lines, syntax?.offset ?? 0)}: the template cannot be read${syntax ? `: ${syntax.message ?? syntax.code}` : ''}` };
  const serverless = /^serverless\.ya?ml$/i.test(basename(templatePath));
  const stage = options.parameterOverrides?.['stage'];
  const functions = serverless ? serverlessFunctions(document.root, { ...options, ...(stage !== undefined ? { stage } : {}) }) : templateFunctions(document.root, options);
  return { functions, lines: document.lines };
}

/** The functions of a template's text, for lenses; none when it cannot be read. */
export function templateFunctionEntries(templatePath: string, text: string): TemplateFunctionEntry[] {
  const found = read(templatePath, text, {});
  if ('problem' in found) return [];
  const folder = dirname(templatePath);
  return found.functions.map((fn) => ({ id: fn.id, offset: fn.key.offset, length: fn.key.length, root: fn.code.kind === 'local' ? resolve(folder, fn.code.path) : folder, runtime: fn.runtime, notLocal: notLocal(fn) }));
}

/**
 * The function `functionId` of a template (a SAM/CloudFormation logical id,
 * or a serverless.yml function name), or what is wrong, located (file:line:col).
 */
export function templateFunction(templatePath: string, text: string, functionId: string, options: StackOptions = {}): TemplateFunction | { problem: string } {
  const found = read(templatePath, text, options);
  if ('problem' in found) return found;
  const fn = found.functions.find((f) => f.id === functionId);
  if (!fn) {
    const names = found.functions.map((f) => f.id).join(', ');
    return { problem: `${templatePath}: no function "${functionId}" (${names ? `the functions are ${names}` : 'it defines no function'})` };
  }
  return runnable(templatePath, found.lines, fn);
}

/**
 * The function of one of these templates whose code folder is `root` and
 * whose Handler is `handler` (a handler file's lens), the first found; none
 * when no template names it.
 */
export function templateFunctionFor(templates: ReadonlyArray<{ readonly path: string; readonly text: string }>, root: string, handler: string): TemplateFunction | undefined {
  for (const { path, text } of templates) {
    const found = read(path, text, {});
    if ('problem' in found) continue;
    for (const fn of found.functions) {
      if (fn.handler !== handler || fn.code.kind !== 'local') continue;
      if (relative(resolve(dirname(path), fn.code.path), root) !== '') continue;
      const target = runnable(path, found.lines, fn);
      if (!('problem' in target)) return target;
    }
  }
  return undefined;
}

function runnable(templatePath: string, lines: LineIndex, fn: TemplateFunctionDefinition): TemplateFunction | { problem: string } {
  const at = (offset: number) => location(templatePath, lines, offset);
  const where = at(fn.key.offset);
  if (!fn.handler) return { problem: `${where}: ${fn.id} has no Handler${fn.unresolved.length ? ` (${fn.unresolved[0]?.message})` : ''}` };
  const folder = dirname(templatePath);
  const root = codeRoot(fn, folder, where);
  if (typeof root !== 'string') return root;
  return {
    root,
    layer: {
      handler: fn.handler,
      runtime: fn.runtime,
      timeout: fn.timeout,
      memorySize: fn.memorySize,
      environment: fn.environment,
      layers: fn.layers.flatMap((layer) => (layer.code.kind === 'local' ? [resolve(folder, layer.code.path)] : [])),
      templatePath,
      functionId: fn.id,
    },
    unresolved: fn.unresolved.map((u: Unresolved) => `${at(u.node.offset)}: ${u.message}`),
    warnings: fn.layers.filter((layer) => layer.code.kind !== 'local').map((layer) => `${where}: layer ${layer.name} is not on this machine: what it holds is missing from the local run`),
  };
}

/** The folder the function's code is in; code that is not on this machine is a clear problem. */
function codeRoot(fn: TemplateFunctionDefinition, templateFolder: string, where: string): string | { problem: string } {
  switch (fn.code.kind) {
    case 'local': {
      const path = resolve(templateFolder, fn.code.path);
      if (!existsSync(path)) return { problem: `${where}: ${fn.id}'s code folder ${path} does not exist (built code? run your build first)` };
      if (!statSync(path).isDirectory()) return { problem: `${where}: ${fn.id}'s code ${path} is a file: unzip it into a folder and point CodeUri there` };
      return path;
    }
    case 'inline':
    case 'remote':
      return { problem: `${where}: ${notLocal(fn)}` };
    case 'none':
      return templateFolder;
  }
}

/** Why a function's code is not on this machine, if it is not. */
function notLocal(fn: TemplateFunctionDefinition): string | undefined {
  switch (fn.code.kind) {
    case 'inline':
      return `${fn.id}'s code is inline (Code.ZipFile): save it as a file in a folder and point Code there`;
    case 'remote':
      return `${fn.id}'s code is ${fn.code.what}, not on this machine: point CodeUri at the local folder`;
    case 'local':
    case 'none':
      return undefined;
  }
}

function location(path: string, lines: LineIndex, offset: number): string {
  const { line, character } = lines.positionAt(offset);
  return `${path}:${line + 1}:${character + 1}`;
}
