import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultTemplate, findPython, functionConfig, type FunctionConfig, type FunctionSettings, handlerLanguage, type InvokeLayer, isMalformed, layerFunctionSettings, missingTemplateValues, namesTemplateFunction, parseEnvPairs, parseHandlerString, type PythonInterpreter, type ReloadMode, type TemplateFunction, workspaceFileSettings } from '../runtime';
import { single, UsageError, type ParsedArgs } from './args';
import { envVarsFile, parameterOverrides, templateTarget } from './template-function';

/** Options every command that runs a function takes. */
export const functionOptionNames = ['root', 'timeout', 'memory', 'env', 'env-file', 'concurrency', 'node', 'runtime', 'function-name', 'function-version', 'region', 'template', 'parameter-overrides', 'env-vars'] as const;

/** SAM CLI's short options for the same settings, so that its users' fingers keep working. */
export const functionOptionAliases: Readonly<Record<string, string>> = { '-t': 'template', '-n': 'env-vars' };

export const functionOptionsHelp = `  --root DIR           The task root (LAMBDA_TASK_ROOT); HANDLER is relative
                       to it (default: the current folder).
  --timeout SECONDS    Function timeout (default 3, or lambda-workbench.json).
  --memory MB          Memory size; sets the heap limit (default 128).
  --env KEY=VALUE      An environment variable. Repeatable; wins over the rest.
  --env-file FILE      Variables from a dotenv file (KEY=value lines), over
                       those of lambda-workbench.json.
  --node PATH          The Node.js executable (default: the one running this).
  --runtime NAME       Lambda's runtime, e.g. python3.12 or nodejs20.x (default:
                       told by the handler's file: app.py makes app.handler
                       Python). Python runs with the code folder's .venv, else
                       pythonX.Y, else python3.
  --function-name NAME, --function-version V, --region R
                       The function's name (default: the root folder's),
                       version ($LATEST) and region (AWS_REGION, us-east-1).

  -t, --template FILE  Run FUNCTION, a function of a SAM/CloudFormation
                       template (its logical id) or of a serverless.yml (its
                       name), with the template's Handler, code folder,
                       Runtime, Environment (Globals merged), Timeout and
                       MemorySize. Without it, a FUNCTION that is no handler
                       string is looked up in template.yaml|yml|json or
                       serverless.yml in the current folder.
  --parameter-overrides "Key=Value ..."
                       Template parameters, as SAM CLI takes them.
  -n, --env-vars FILE  SAM CLI's file: {"FunctionId": {"VAR": "v"},
                       "Parameters": {"VAR": "v"}}.

Settings per handler may also come from lambda-workbench.json in the task
root: { "functions": { "src/index.handler": { "timeout": 10,
"memorySize": 512, "environment": {...}, "envFile": ".env", "runtime":
"python3.12", "layers": ["../layer"] } } } (a template function's logical
id works as a key too). Each setting is taken from, first to last: the
command line, --env-vars, lambda-workbench.json, the template, Lambda's
defaults; environments merge.`;

/** The bootstrap in dist/: above a command's bundle (dist/cli/), or from compiled sources (out/server/src/cli/). */
export function bootstrapScript(): string {
  const candidates = [resolve(__dirname, '../runtime-bootstrap.js'), resolve(__dirname, '../../../dist/runtime-bootstrap.js')];
  const found = candidates.find((file) => existsSync(file));
  if (found) return found;
  throw new Error(`runtime bootstrap not found in ${resolve(__dirname, '..')}; run "npm run build"`);
}

/** A function as the command line and lambda-workbench.json configure it, and the settings it was read from. */
export interface ConfiguredFunction {
  readonly config: FunctionConfig;
  readonly settings: FunctionSettings;
  /** What the user should know before the run (a Python other than the runtime asks for). */
  readonly warnings: readonly string[];
  /** The files the settings were read from besides lambda-workbench.json (template, --env-vars, env files), absolute: `serve` watches them. */
  readonly settingsFiles: readonly string[];
}

/**
 * A function's configuration from HANDLER, the options and lambda-workbench.json; mistakes are usage errors.
 * `overrides.root` stands for --root (a template's code folder, a simulation's).
 */
export function functionFromArgs(
  handlerArg: string | undefined,
  args: ParsedArgs,
  overrides: { reservedConcurrency?: number; idleTimeoutMs?: number; root?: string; reload?: ReloadMode; emulatorVariables?: Readonly<Record<string, string | undefined>> } = {},
): ConfiguredFunction {
  if (!handlerArg) throw new UsageError('missing HANDLER, e.g. src/index.handler (or a template\'s FUNCTION)');
  const template = templateOf(handlerArg, args);
  const root = template?.root ?? resolve(overrides.root ?? single(args, 'root') ?? '.');
  if (!existsSync(root)) throw new UsageError(`--root ${root}: no such folder`);
  const workspace = workspaceFileSettings(root);
  if (workspace.problems.length) throw new UsageError(workspace.problems.join('; '));

  // The command line, then the emulator's variable (serve): the invoke's own layer.
  const emulator = overrides.emulatorVariables ?? {};
  const timeout = numberOption(args, 'timeout', 1, 900) ?? emulatorNumber(emulator, 'AWS_LAMBDA_FUNCTION_TIMEOUT', 1, 900);
  const memory = numberOption(args, 'memory', 128, 10240) ?? emulatorNumber(emulator, 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 128, 10240);
  const runtimeArg = single(args, 'runtime');
  const envFile = single(args, 'env-file');
  const pairs = parseEnvPairs(args.options.get('env') ?? []);
  if (pairs.problems.length) throw new UsageError(`--env: ${pairs.problems.join('; ')}`);
  const invoke: InvokeLayer = {
    ...(template ? {} : { handler: handlerArg }),
    ...(runtimeArg !== undefined ? { runtime: runtimeArg } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
    ...(memory !== undefined ? { memorySize: memory } : {}),
    ...(envFile !== undefined ? { envFile: resolve(envFile) } : {}),
    environment: pairs.variables,
  };
  const envVars = single(args, 'env-vars');
  const layered = layerFunctionSettings(
    {
      root,
      invoke,
      ...(envVars !== undefined ? { envVars: envVarsFile(envVars, template?.layer.functionId ?? handlerArg) } : {}),
      workspace: [workspace.table],
      ...(template ? { template: template.layer } : {}),
    },
    undefined,
  );
  const problem = layered.invokeProblems[0] ?? layered.problems[0];
  if (problem !== undefined) throw new UsageError(problem);
  const { handler, runtime, settings, environment } = layered;

  const language = handlerLanguage(root, handler, runtime);
  if ('problem' in language) throw new UsageError(`${runtime ?? handler}: ${language.problem}`);
  // A custom runtime's bootstrap reads the handler string as it likes (`main`, `bootstrap`...).
  const parsed = language.language === 'custom' ? undefined : parseHandlerString(handler);
  if (parsed && isMalformed(parsed)) throw new UsageError(`HANDLER "${handler}": ${parsed.error}; write path/to/file.export, e.g. src/index.handler`);

  const functionName = single(args, 'function-name') ?? nonEmpty(emulator['AWS_LAMBDA_FUNCTION_NAME']);
  const functionVersion = single(args, 'function-version') ?? nonEmpty(emulator['AWS_LAMBDA_FUNCTION_VERSION']);
  const region = single(args, 'region') ?? nonEmpty(emulator['AWS_REGION']);
  const concurrency = numberOption(args, 'concurrency', 1, 1000) ?? overrides.reservedConcurrency ?? settings.reservedConcurrency;

  // What the template could not resolve must be given another way, never run silently empty.
  const [missing] = template ? missingTemplateValues(template, environment) : [];
  if (missing) throw new UsageError(`${missing.message}${missing.variable ? `: give ${missing.variable} with --env-vars or --env ${missing.variable}=VALUE` : ''}`);

  const warnings: string[] = [...(template?.warnings ?? [])];
  let python: PythonInterpreter | undefined;
  if (language.language === 'python') {
    const choice = findPython(root, runtime);
    if (choice.kind === 'none') throw new UsageError(`HANDLER "${handler}" is a Python handler, but ${choice.problem}`);
    python = choice.interpreter;
    if (choice.warning) warnings.push(choice.warning);
  }

  const node = single(args, 'node');
  const name = functionName ?? template?.layer.functionId;
  const config = functionConfig({
    ...(python ? { python } : {}),
    ...(language.language === 'custom' ? { customBootstrap: join(root, 'bootstrap') } : {}),
    ...(layered.layers.length ? { layers: layered.layers } : {}),
    root,
    handler,
    bootstrapScript: bootstrapScript(),
    timeoutSeconds: settings.timeout,
    memoryMB: settings.memorySize,
    environment,
    ...(concurrency !== undefined ? { reservedConcurrency: concurrency } : {}),
    ...(overrides.idleTimeoutMs !== undefined ? { idleTimeoutMs: overrides.idleTimeoutMs } : {}),
    ...(overrides.reload !== undefined ? { reload: overrides.reload } : {}),
    ...(node !== undefined ? { nodePath: node } : {}),
    ...(name !== undefined ? { functionName: name } : {}),
    ...(functionVersion !== undefined ? { functionVersion } : {}),
    ...(region !== undefined ? { region } : {}),
  });
  const settingsFiles = [template?.layer.templatePath, envVars, envFile, settings.envFile === undefined ? undefined : resolve(root, settings.envFile)].flatMap((file) => (file === undefined ? [] : [resolve(file)]));
  return { config, settings, warnings, settingsFiles };
}

function numberOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = single(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (name !== 'timeout' && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${name === 'timeout' ? 'a number' : 'an integer'} from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** A number the Runtime Interface Emulator reads from a variable; a bad one is a usage error naming it. */
function emulatorNumber(variables: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number): number | undefined {
  const raw = nonEmpty(variables[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The template function FUNCTION names: with --template, or a FUNCTION that is no handler string and a template in the current folder. */
function templateOf(name: string, args: ParsedArgs): TemplateFunction | undefined {
  const given = single(args, 'template');
  // A custom runtime's handler may be any word (`main`): with --runtime provided.*, only --template means a template.
  if (given === undefined && single(args, 'runtime')?.startsWith('provided')) return undefined;
  const path = given ?? (namesTemplateFunction(name) ? defaultTemplate(resolve('.')) : undefined);
  if (path === undefined) {
    if (namesTemplateFunction(name)) throw new UsageError(`"${name}" is no handler string (path/to/file.export) and there is no template.yaml, template.json or serverless.yml here to find it in: give --template FILE`);
    return undefined;
  }
  return templateTarget(name, resolve(path), { parameterOverrides: parameterOverrides(args.options.get('parameter-overrides') ?? []), region: single(args, 'region') });
}
