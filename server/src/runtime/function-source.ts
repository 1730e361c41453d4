import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { defaultMemoryMB, defaultTimeoutSeconds } from './config';
import { type FunctionSettings, type FunctionSettingsTable, parseEnvFile, parseFunctionSettings, type ResolvedFunctionSettings } from './settings';

// The one owner of a function's settings: every face (the CLI, the editor's
// lenses, debug runs, ALB and CloudFront simulations) gives it what it knows
// and takes the layered result. From strongest to weakest:
//   1. the invoke's own options (command-line flags, a launch configuration),
//   2. SAM CLI's --env-vars file (variables only),
//   3. workspace settings: lambda-workbench.json, then VS Code's lambdaWorkbench.functions over it,
//   4. the template's function (Handler, Runtime, Environment with Globals, Timeout, MemorySize, Layers),
//   5. Lambda's defaults (3 s, 128 MB).
// Each setting is taken from the strongest layer that says it; environments merge variable by variable.

/** What the invoke itself says (flags, a launch configuration): the strongest layer. */
export interface InvokeLayer {
  readonly handler?: string;
  readonly runtime?: string;
  readonly timeout?: number;
  readonly memorySize?: number;
  /** A dotenv file, absolute: its variables go under `environment`'s. */
  readonly envFile?: string;
  readonly environment?: Readonly<Record<string, string>>;
  /** Absolute layer folders. */
  readonly layers?: readonly string[];
}

/** What a template says about one function (see template-function.ts). */
export interface TemplateLayer {
  readonly handler: string;
  readonly runtime: string | undefined;
  readonly timeout: number | undefined;
  readonly memorySize: number | undefined;
  readonly environment: Readonly<Record<string, string>>;
  /** Absolute layer folders, in the function's order. */
  readonly layers: readonly string[];
  /** Where the settings come from, for the user: the template file and the function's logical id (or serverless name). */
  readonly templatePath: string;
  readonly functionId: string;
}

/** Every layer a face knows for one function; any may be missing. */
export interface FunctionSources {
  /** The task root: workspace env files and layers are relative to it. */
  readonly root: string;
  readonly invoke?: InvokeLayer;
  /** The function's variables from SAM CLI's --env-vars file (its Parameters, then its own section). */
  readonly envVars?: Readonly<Record<string, string>>;
  /** Workspace settings tables, weakest first: lambda-workbench.json, then VS Code's settings. */
  readonly workspace?: readonly FunctionSettingsTable[];
  readonly template?: TemplateLayer;
}

/** A function's settings as every layer gives them, and where they came from. */
export interface LayeredFunctionSettings extends ResolvedFunctionSettings {
  readonly handler: string;
  readonly runtime: string | undefined;
  /** Absolute layer folders. */
  readonly layers: readonly string[];
  /** The template function whose settings are in, if any. */
  readonly template: { readonly path: string; readonly functionId: string } | undefined;
  /** Problems of the invoke's own options (its env file): the run must not go on. */
  readonly invokeProblems: readonly string[];
}

/**
 * Layers a function's settings. `handler` is the handler string when the
 * invoke names none (a file's handler lens); `readFile` reads an absolute
 * path. Workspace entries apply by `*`, then the handler string, then the
 * template's function id (`HelloFunction`), each over the one before; for
 * one key, VS Code's settings over lambda-workbench.json.
 */
export function layerFunctionSettings(sources: FunctionSources, handler: string | undefined, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): LayeredFunctionSettings {
  const chosenHandler = sources.invoke?.handler ?? handler ?? sources.template?.handler;
  if (chosenHandler === undefined) throw new Error('layerFunctionSettings: no handler from the invoke, the caller or a template');
  const keys = ['*', chosenHandler, ...(sources.template ? [sources.template.functionId] : [])];
  let workspace: FunctionSettings = {};
  // The more specific entry wins whichever table it is in; between tables, the later one.
  for (const key of keys) {
    for (const table of sources.workspace ?? []) {
      const entry = table[key];
      if (entry) workspace = { ...workspace, ...entry, environment: { ...workspace.environment, ...entry.environment } };
    }
  }

  const problems: string[] = [];
  const invokeProblems: string[] = [];
  const environment: Record<string, string> = { ...sources.template?.environment };
  if (workspace.envFile !== undefined) Object.assign(environment, envFileVariables(resolve(sources.root, workspace.envFile), workspace.envFile, readFile, problems));
  Object.assign(environment, workspace.environment, sources.envVars);
  const invoke = sources.invoke ?? {};
  if (invoke.envFile !== undefined) Object.assign(environment, envFileVariables(invoke.envFile, invoke.envFile, readFile, invokeProblems));
  Object.assign(environment, invoke.environment);

  const template = sources.template;
  const layers = invoke.layers ?? workspace.layers?.map((folder) => (isAbsolute(folder) ? folder : resolve(sources.root, folder))) ?? template?.layers ?? [];
  const settings = {
    ...workspace,
    timeout: invoke.timeout ?? workspace.timeout ?? template?.timeout ?? defaultTimeoutSeconds,
    memorySize: invoke.memorySize ?? workspace.memorySize ?? template?.memorySize ?? defaultMemoryMB,
    environment,
  };
  const runtime = invoke.runtime ?? workspace.runtime ?? template?.runtime;
  return {
    handler: chosenHandler,
    runtime,
    settings: runtime !== undefined ? { ...settings, runtime } : settings,
    environment,
    layers,
    template: template ? { path: template.templatePath, functionId: template.functionId } : undefined,
    problems,
    invokeProblems,
  };
}

/** An env file's variables; what is wrong with it goes to `problems` as `name:line: message`. */
function envFileVariables(path: string, name: string, readFile: (path: string) => string, problems: string[]): Record<string, string> {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    problems.push(`envFile ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
  const parsed = parseEnvFile(text);
  problems.push(...parsed.problems.map((p) => `${name}:${p.line}:1: ${p.message}`));
  return parsed.variables;
}

/** The `functions` of `root`'s lambda-workbench.json (none when there is no file); what is wrong is described, never thrown. */
export function workspaceFileSettings(root: string): { table: FunctionSettingsTable; problems: string[] } {
  const path = join(root, 'lambda-workbench.json');
  if (!existsSync(path)) return { table: {}, problems: [] };
  let raw: unknown;
  try {
    raw = (JSON.parse(readFileSync(path, 'utf8')) as { functions?: unknown } | null)?.functions;
  } catch (error) {
    return { table: {}, problems: [`${path}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = parseFunctionSettings(raw, `${path} functions`);
  return { table: parsed.table, problems: parsed.problems };
}
