import { delimiter, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** How one local function runs: the settings Lambda has per function, plus where its code and bootstrap live. */
export interface FunctionConfig {
  /** Folder that plays `/var/task` (LAMBDA_TASK_ROOT, and the working directory). */
  readonly root: string;
  /** Lambda's handler string relative to `root`, e.g. `src/index.handler`. */
  readonly handler: string;
  /** Load exactly this file instead of resolving the handler string's module (the code lens knows the file). */
  readonly handlerFile?: string;
  readonly functionName: string;
  /** `$LATEST`, or the version the emulator was told (AWS_LAMBDA_FUNCTION_VERSION). */
  readonly functionVersion: string;
  /** Seconds; Lambda's default is 3. */
  readonly timeoutSeconds: number;
  /** MB; Lambda's default is 128. Sets the V8 heap limit as Lambda's Node bootstrap does. */
  readonly memoryMB: number;
  readonly region: string;
  readonly accountId: string;
  /** The user's variables; they may override Lambda's, except the reserved ones. */
  readonly environment: Readonly<Record<string, string>>;
  /** Most environments running at once (reserved concurrency); further concurrent invokes are throttled. */
  readonly reservedConcurrency: number;
  /** An idle environment shuts down after this long. */
  readonly idleTimeoutMs: number;
  /** The Node.js executable that runs the environment. */
  readonly nodePath: string;
  /** The bootstrap script run in each environment (our dist/runtime-bootstrap.js, or another Runtime API client). */
  readonly bootstrap: BootstrapCommand;
  /** Extra Node options for the environment, e.g. `--inspect-brk=9229` for a debugger. */
  readonly execArgv: readonly string[];
  /** Variables of the caller's environment copied into the function's (e.g. AWS credentials, PATH, HOME). */
  readonly inheritedEnvironment: Readonly<Record<string, string | undefined>>;
  /**
   * `context.getRemainingTimeInMillis()` leaves out the time the deadlines
   * were paused (a debugger holding the process), as the enforced timeout does.
   */
  readonly remainingTimeFollowsPauses: boolean;
  /** After a code change: `lazy` retires the old environments; `eager` also starts a fresh one at once. */
  readonly reload: ReloadMode;
  /** What runs the handler: Node.js with our bootstrap, or a Python interpreter with our Python bootstrap. */
  readonly language: RuntimeLanguage;
  /** Local layer folders, in order: their content is on the module path where Lambda mounts layers (/opt). */
  readonly layers: readonly string[];
}

/** The program an environment runs, by the handler's language. */
export type RuntimeLanguage =
  | { readonly kind: 'nodejs' }
  | { readonly kind: 'python'; readonly interpreter: string; readonly version: string; readonly bootstrapScript: string }
  /** A custom runtime (`provided.al2023`, `provided.al2`): the code folder's own `bootstrap` executable. */
  | { readonly kind: 'custom'; readonly bootstrap: string };

export type ReloadMode = 'lazy' | 'eager';

/** The program each environment runs. */
export interface BootstrapCommand {
  /** Script run by `nodePath`. */
  readonly script: string;
  readonly args: readonly string[];
  /** True for our bootstrap: it marks the end of each invoke's output so logs stay between START and END. */
  readonly flushMarkers: boolean;
}

export const defaultTimeoutSeconds = 3;
export const defaultMemoryMB = 128;
export const maxTimeoutSeconds = 900;
export const minMemoryMB = 128;
export const maxMemoryMB = 10240;

/** Variables Lambda reserves: a function's own configuration cannot set them. */
export const reservedVariables: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_LAMBDA_RUNTIME_API',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'LAMBDA_RUNTIME_DIR',
  'LAMBDA_TASK_ROOT',
]);

/** Caller variables worth passing through so SDK calls and tools behave locally as the user expects. */
export const passThroughVariables = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'SystemRoot',
  'TMPDIR',
  'TEMP',
  'TMP',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'NODE_EXTRA_CA_CERTS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  // Lets VS Code's own executable (Electron) run the environment as plain Node.js.
  'ELECTRON_RUN_AS_NODE',
] as const;

/** `2024/05/01/[$LATEST]0123456789abcdef0123456789abcdef`, Lambda's log stream naming. */
export function logStreamName(version: string, now: Date = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${date}/[${version}]${randomBytes(16).toString('hex')}`;
}

export function functionArn(config: Pick<FunctionConfig, 'region' | 'accountId' | 'functionName'>): string {
  return `arn:aws:lambda:${config.region}:${config.accountId}:function:${config.functionName}`;
}

/**
 * The environment of one execution environment: the caller's pass-through
 * variables, the user's variables (reserved ones ignored), then Lambda's own.
 */
export function environmentVariables(config: FunctionConfig, runtimeApi: string, streamName: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of passThroughVariables) {
    const value = config.inheritedEnvironment[name];
    if (value !== undefined) env[name] = value;
  }
  env['LANG'] = 'en_US.UTF-8';
  env['TZ'] = ':UTC';
  Object.assign(env, modulePath(config));
  for (const [name, value] of Object.entries(config.environment)) {
    if (!reservedVariables.has(name)) env[name] = value;
  }
  const nodeMajor = /^v?(\d+)/.exec(process.version)?.[1] ?? '20';
  Object.assign(env, {
    _HANDLER: config.handler,
    ...executionEnvironment(config.language, nodeMajor),
    AWS_LAMBDA_FUNCTION_NAME: config.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMB),
    AWS_LAMBDA_FUNCTION_VERSION: config.functionVersion,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${config.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: streamName,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_REGION: config.region,
    AWS_DEFAULT_REGION: config.region,
    LAMBDA_TASK_ROOT: config.root,
    LAMBDA_RUNTIME_DIR: config.root,
  });
  return env;
}

/**
 * Where modules are found besides the code: Lambda mounts layers at /opt,
 * where its runtimes look (`/opt/nodejs/node_modules`, `/opt/python`); here each
 * local layer folder stands for /opt, later layers after earlier ones.
 */
function modulePath(config: FunctionConfig): Record<string, string> {
  const { language, layers } = config;
  switch (language.kind) {
    case 'nodejs': {
      const major = /^v?(\d+)/.exec(process.version)?.[1] ?? '20';
      const folders = [`${config.root}/node_modules`, ...layers.flatMap((layer) => [`${layer}/nodejs/node${major}/node_modules`, `${layer}/nodejs/node_modules`])];
      return { NODE_PATH: folders.join(delimiter) };
    }
    case 'python': {
      const folders = layers.flatMap((layer) => [`${layer}/python`, `${layer}/python/lib/python${language.version}/site-packages`]);
      // Lambda's /var/task is read-only: no __pycache__ is written into the code folder there, nor here.
      return { PYTHONDONTWRITEBYTECODE: '1', ...(folders.length ? { PYTHONPATH: folders.join(delimiter) } : {}) };
    }
    case 'custom':
      return {};
  }
}

/** AWS_EXECUTION_ENV names the managed runtime; a custom runtime has none. */
function executionEnvironment(language: RuntimeLanguage, nodeMajor: string): Record<string, string> {
  switch (language.kind) {
    case 'nodejs':
      return { AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${nodeMajor}.x` };
    case 'python':
      return { AWS_EXECUTION_ENV: `AWS_Lambda_python${language.version}` };
    case 'custom':
      return {};
  }
}

/** Node options Lambda's Node.js bootstrap derives from the memory size: a tenth for the young generation, the rest for the old. */
export function memoryArgs(memoryMB: number): string[] {
  const newSpace = Math.floor(memoryMB / 10);
  return [`--max-semi-space-size=${Math.max(1, Math.floor(newSpace / 2))}`, `--max-old-space-size=${memoryMB - newSpace}`];
}

/** What a caller must or may say about a function; everything else takes Lambda's defaults. */
export interface FunctionOptions {
  readonly root: string;
  readonly handler: string;
  /** Our bootstrap (dist/runtime-bootstrap.js); the caller knows where it was installed. */
  readonly bootstrapScript: string;
  readonly handlerFile?: string;
  readonly functionName?: string;
  readonly functionVersion?: string;
  readonly timeoutSeconds?: number;
  readonly memoryMB?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly environment?: Readonly<Record<string, string>>;
  readonly reservedConcurrency?: number;
  readonly idleTimeoutMs?: number;
  readonly nodePath?: string;
  readonly execArgv?: readonly string[];
  readonly inheritedEnvironment?: Readonly<Record<string, string | undefined>>;
  readonly remainingTimeFollowsPauses?: boolean;
  readonly reload?: ReloadMode;
  /** Run the handler in Python with this interpreter (see python/interpreter.ts); Node.js otherwise. */
  readonly python?: { readonly path: string; readonly version: string };
  /** A custom runtime: run this `bootstrap` executable (in the code folder) instead. */
  readonly customBootstrap?: string;
  /** Local layer folders (a template's LayerVersion ContentUri), in the function's order. */
  readonly layers?: readonly string[];
}

/** A function name Lambda would accept, made from a folder or file name. */
export function functionNameFrom(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return (cleaned || 'function').slice(0, 64);
}

export function functionConfig(options: FunctionOptions): FunctionConfig {
  const rootName = options.root.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return {
    root: options.root,
    handler: options.handler,
    ...(options.handlerFile !== undefined ? { handlerFile: options.handlerFile } : {}),
    functionName: options.functionName ?? functionNameFrom(rootName),
    functionVersion: options.functionVersion ?? '$LATEST',
    timeoutSeconds: options.timeoutSeconds ?? defaultTimeoutSeconds,
    memoryMB: options.memoryMB ?? defaultMemoryMB,
    region: options.region ?? options.inheritedEnvironment?.['AWS_REGION'] ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    environment: options.environment ?? {},
    reservedConcurrency: options.reservedConcurrency ?? 10,
    idleTimeoutMs: options.idleTimeoutMs ?? 5 * 60_000,
    nodePath: options.nodePath ?? process.execPath,
    bootstrap: { script: options.bootstrapScript, args: options.handlerFile !== undefined ? ['--handler-file', options.handlerFile] : [], flushMarkers: true },
    execArgv: options.execArgv ?? [],
    inheritedEnvironment: options.inheritedEnvironment ?? process.env,
    remainingTimeFollowsPauses: options.remainingTimeFollowsPauses ?? false,
    reload: options.reload ?? 'lazy',
    // The Python bootstrap ships beside ours (dist/runtime-python-bootstrap.py).
    language: options.customBootstrap !== undefined
      ? { kind: 'custom', bootstrap: options.customBootstrap }
      : options.python
        ? { kind: 'python', interpreter: options.python.path, version: options.python.version, bootstrapScript: join(dirname(options.bootstrapScript), 'runtime-python-bootstrap.py') }
        : { kind: 'nodejs' },
    layers: options.layers ?? [],
  };
}
