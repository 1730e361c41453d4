import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { LineIndex } from '../document/line-index';
import { formatOfFileName, parseSourceDocument } from '../document/parse';
import type { FunctionSettingsTable } from '../runtime';
import { serverlessFunctions, templateFunctions, type TemplateFunctionDefinition, type Unresolved } from '../template';
import { UsageError } from './args';
import { reasonOf } from './files';

/** The template files a folder may hold, in the order SAM CLI looks for them, and the Serverless Framework's. */
const templateNames = ['template.yaml', 'template.yml', 'template.json', 'serverless.yml', 'serverless.yaml'];

/** A template in the folder, when FUNCTION names a function rather than a handler. */
export function defaultTemplate(folder: string): string | undefined {
  return templateNames.map((name) => join(folder, name)).find((path) => existsSync(path));
}

/** A handler string has a dot (`app.handler`); a function's logical id or serverless name has none. */
export function namesTemplateFunction(name: string): boolean {
  return !name.includes('.') && !name.includes('/');
}

/** A function of a template, ready to run: its code folder, handler and runtime, and its settings as the lowest layer. */
export interface TemplateTarget {
  readonly root: string;
  readonly handler: string;
  readonly runtime: string | undefined;
  /** The template's settings for the handler (timeout, memory, environment), under lambda-workbench.json's. */
  readonly settings: FunctionSettingsTable;
  /** What the template could not say locally (an environment variable naming a resource...), each to be given another way. */
  readonly unresolved: readonly string[];
  readonly functionName: string;
  /** Local layer folders, in the function's order (SAM's Globals first). */
  readonly layers: readonly string[];
  /** What the user should know: layers that are not on this machine. */
  readonly warnings: readonly string[];
}

/** The options of a run from a template, as SAM CLI spells them. */
export interface TemplateRunOptions {
  readonly parameterOverrides: Readonly<Record<string, string>>;
  readonly region: string | undefined;
}

/**
 * A function of a SAM/CloudFormation template (a logical id) or of a
 * serverless.yml (a function name), read as Lambda would get it. Mistakes
 * are usage errors that say where (file:line:col).
 */
export function templateTarget(functionId: string, templatePath: string, options: TemplateRunOptions): TemplateTarget {
  let text: string;
  try {
    text = readFileSync(templatePath, 'utf8');
  } catch (error) {
    throw new UsageError(`--template ${templatePath}: ${reasonOf(error)}`);
  }
  const document = parseSourceDocument(text, formatOfFileName(templatePath));
  const at = (offset: number) => location(templatePath, document.lines, offset);
  const [syntax] = document.syntaxProblems;
  if (!document.root || syntax) throw new UsageError(`${at(syntax?.offset ?? 0)}: the template cannot be read${syntax ? `: ${syntax.message ?? syntax.code}` : ''}`);
  const serverless = /^serverless\.ya?ml$/i.test(basename(templatePath));
  const stack = { parameterOverrides: options.parameterOverrides, ...(options.region !== undefined ? { region: options.region } : {}) };
  const functions = serverless ? serverlessFunctions(document.root, { ...stack, ...(options.parameterOverrides['stage'] !== undefined ? { stage: options.parameterOverrides['stage'] } : {}) }) : templateFunctions(document.root, stack);
  const fn = functions.find((f) => f.id === functionId);
  if (!fn) {
    const names = functions.map((f) => f.id).join(', ');
    throw new UsageError(`${templatePath}: no function "${functionId}" (${names ? `the functions are ${names}` : 'it defines no function'})`);
  }
  const where = at(fn.key.offset);
  if (!fn.handler) throw new UsageError(`${where}: ${functionId} has no Handler${fn.unresolved.length ? ` (${fn.unresolved[0]?.message})` : ''}`);
  const root = codeRoot(fn, dirname(templatePath), where);
  return {
    root,
    handler: fn.handler,
    runtime: fn.runtime,
    settings: { [fn.handler]: { timeout: fn.timeout, memorySize: fn.memorySize, environment: fn.environment } },
    unresolved: fn.unresolved.map((u) => describe(u, at)),
    functionName: functionId,
    layers: fn.layers.flatMap((layer) => (layer.code.kind === 'local' ? [resolve(dirname(templatePath), layer.code.path)] : [])),
    warnings: fn.layers.filter((layer) => layer.code.kind !== 'local').map((layer) => `${where}: layer ${layer.name} is not on this machine: what it holds is missing from the local run`),
  };
}

/** The folder the function's code is in; code that is not on this machine is a clear error. */
function codeRoot(fn: TemplateFunctionDefinition, templateFolder: string, where: string): string {
  switch (fn.code.kind) {
    case 'local': {
      const path = resolve(templateFolder, fn.code.path);
      if (!existsSync(path)) throw new UsageError(`${where}: ${fn.id}'s code folder ${path} does not exist (built code? run your build first)`);
      if (!statSync(path).isDirectory()) throw new UsageError(`${where}: ${fn.id}'s code ${path} is a file: unzip it into a folder and point CodeUri there`);
      return path;
    }
    case 'inline':
      throw new UsageError(`${where}: ${fn.id}'s code is inline (Code.ZipFile): save it as a file in a folder and point Code there`);
    case 'remote':
      throw new UsageError(`${where}: ${fn.id}'s code is ${fn.code.what}, not on this machine: point CodeUri at the local folder`);
    case 'none':
      return templateFolder;
  }
}

function describe(unresolved: Unresolved, at: (offset: number) => string): string {
  return `${at(unresolved.node.offset)}: ${unresolved.message}`;
}

function location(path: string, lines: LineIndex, offset: number): string {
  const { line, character } = lines.positionAt(offset);
  return `${path}:${line + 1}:${character + 1}`;
}

/**
 * SAM CLI's `--env-vars` file: `{"FunctionId": {"VAR": "v"}, "Parameters":
 * {"VAR": "v"}}`, the Parameters for every function, the function's own over them.
 */
export function envVarsFile(path: string, functionId: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--env-vars ${path}: ${reasonOf(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`--env-vars ${path}: expected {"FunctionId": {"VAR": "value"}, "Parameters": {...}}`);
  const out: Record<string, string> = {};
  for (const section of ['Parameters', functionId]) {
    const values = (raw as Record<string, unknown>)[section];
    if (values === undefined) continue;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new UsageError(`--env-vars ${path}: "${section}" must map variable names to values`);
    for (const [name, value] of Object.entries(values)) out[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** `--parameter-overrides` as SAM CLI spells it: `Key=Value` pairs (several in one value, space-separated), or `ParameterKey=K,ParameterValue=V`. */
export function parameterOverrides(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const token of values.flatMap((v) => v.split(/\s+/)).filter(Boolean)) {
    const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(token);
    const short = /^([^=]+)=(.*)$/.exec(token);
    const pair = long ?? short;
    if (!pair?.[1]) throw new UsageError(`--parameter-overrides: "${token}" is not Key=Value`);
    out[pair[1]] = pair[2] ?? '';
  }
  return out;
}
