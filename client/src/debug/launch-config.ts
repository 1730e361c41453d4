import { isAbsolute, resolve } from 'node:path';
import { parseRequest, type RequestInput } from '../../../server/src/alb';
import { isTrigger, triggers, type Trigger } from '../../../server/src/edge';
import { isMalformed, maxMemoryMB, maxTimeoutSeconds, minMemoryMB, parseHandlerString, typeScriptExtensions } from '../../../server/src/runtime';

// The `lambda-workbench` launch configuration: its attributes checked and
// resolved into a plan, with no `vscode` import so the rules are unit-tested
// as tables. The provider (provider.ts) shows the problem or runs the plan.

/** The event a debug run sends. */
export type PlannedEvent =
  /** None given: the function's `event` setting (lambda-workbench.json, lambdaWorkbench.functions), else `{}`. */
  | { readonly kind: 'settings' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'inline'; readonly payload: string }
  /** A request routed through ALB listener rules first; the function gets the Lambda target event of the rule that forwards it. */
  | {
      readonly kind: 'alb';
      readonly rules: string;
      /** The client's request, body included. */
      readonly request: RequestInput;
      /** 0-based index into the file's listeners; by default the one whose protocol and port fit the URL. */
      readonly listener?: number;
      /** The target group's `lambda.multi_value_headers.enabled`; by default a template's TargetGroupAttributes, else off. */
      readonly multiValueHeaders?: boolean;
    }
  /** A viewer's request through CloudFront's triggers up to the handler's: it gets the event CloudFront builds there. */
  | {
      readonly kind: 'cloudfront';
      /** The trigger the handler is associated with. */
      readonly trigger: Trigger;
      /** A viewer-request event file: the viewer's request. */
      readonly request: string;
      /** The lambda-workbench.json whose `edge` section gives the origin and the other triggers' handlers. */
      readonly config: string;
    };

/** A checked configuration: absolute paths, values in range, nothing started yet. */
export interface LaunchPlan {
  readonly name: string;
  /** The task root (LAMBDA_TASK_ROOT). */
  readonly root: string;
  /** Lambda's handler string, relative to `root`. */
  readonly handler: string;
  /** Loaded as is instead of resolving the handler's module the way Lambda does. */
  readonly handlerFile?: string;
  /** The file the handler lives in: `handlerFile`, or the module Lambda's resolution finds first. */
  readonly moduleFile: string;
  readonly event: PlannedEvent;
  readonly timeout?: number;
  readonly memorySize?: number;
  readonly environment?: Readonly<Record<string, string>>;
  readonly envFile?: string;
  /** `template` and `function`: the template function whose settings the run takes (else the one a template of the workspace has for this handler). */
  readonly templateFunction?: { readonly path: string; readonly functionId: string };
}

/** What is wrong, naming the attribute (dotted for nested ones, e.g. `alb.url`). */
export interface LaunchProblem {
  readonly attribute: string;
  readonly message: string;
}

/** What the checks may ask of the file system. */
export interface FileProbe {
  kind(path: string): 'file' | 'directory' | undefined;
}

/** Attribute names people reach for, and ours. */
const aliases: Readonly<Record<string, string>> = {
  memory: 'memorySize',
  memoryMB: 'memorySize',
  memorySizeMB: 'memorySize',
  env: 'environment',
  timeoutSeconds: 'timeout',
  payload: 'event',
  eventFile: 'event',
  program: 'handler',
  cwd: 'root',
  codeUri: 'root',
};

class Problem extends Error {
  constructor(readonly attribute: string, message: string) {
    super(message);
  }
}

/**
 * Checks a `lambda-workbench` configuration (after VS Code substituted its
 * variables) and resolves its paths: `root` against the workspace folder,
 * the others against `root`. Returns the first problem found.
 */
export function planLaunch(config: Readonly<Record<string, unknown>>, folder: string | undefined, probe: FileProbe): { plan: LaunchPlan } | { problem: LaunchProblem } {
  try {
    return { plan: plan(config, folder, probe) };
  } catch (error) {
    if (error instanceof Problem) return { problem: { attribute: error.attribute, message: error.message } };
    throw error;
  }
}

function plan(config: Readonly<Record<string, unknown>>, folder: string | undefined, probe: FileProbe): LaunchPlan {
  for (const key of Object.keys(config)) {
    const ours = aliases[key];
    if (ours && !(ours in config)) throw new Problem(key, `"${key}" is not an attribute of a lambda-workbench configuration; did you mean "${ours}"?`);
  }
  if (config['request'] !== 'launch') throw new Problem('request', `"request" must be "launch"${got(config['request'])}`);
  const name = typeof config['name'] === 'string' && config['name'] !== '' ? config['name'] : 'Lambda handler';

  const rootText = optionalString(config, 'root', 'a folder path');
  if (rootText === undefined && folder === undefined) throw new Problem('root', '"root" is needed when no workspace folder is open: give the folder that holds the handler (Lambda\'s task root)');
  if (rootText !== undefined && !isAbsolute(rootText) && folder === undefined) throw new Problem('root', `"root" must be an absolute path when no workspace folder is open${got(rootText)}`);
  const root = rootText === undefined ? (folder as string) : absolute(rootText, folder);
  if (probe.kind(root) !== 'directory') throw new Problem('root', `"root" must be an existing folder; ${root} is ${probe.kind(root) === 'file' ? 'a file' : 'not there'}`);

  const handler = config['handler'];
  if (handler === undefined || handler === '') throw new Problem('handler', '"handler" is missing: give Lambda\'s handler string relative to "root", e.g. "src/index.handler" (file src/index.js, .mjs, .cjs or .ts, export handler)');
  if (typeof handler !== 'string') throw new Problem('handler', `"handler" must be a string such as "src/index.handler"${got(handler)}`);
  const parsed = parseHandlerString(handler);
  if (isMalformed(parsed)) throw new Problem('handler', `"handler" "${handler}" is not a handler string (${parsed.error}): write the file without its extension, a dot and the export, e.g. "src/index.handler"`);

  const handlerFileText = optionalString(config, 'handlerFile', 'a file path');
  const handlerFile = handlerFileText === undefined ? undefined : absolute(handlerFileText, root);
  if (handlerFile !== undefined && probe.kind(handlerFile) !== 'file') throw new Problem('handlerFile', `"handlerFile" ${handlerFile} does not exist`);
  const moduleFile = handlerFile ?? findModule(root, parsed.moduleRoot, parsed.module, probe);
  if (moduleFile === undefined) {
    const base = `${parsed.moduleRoot}${parsed.module}`;
    throw new Problem('handler', `"handler" "${handler}" names no file: found none of ${base}.js, .mjs, .cjs, .ts, .mts, .cts in ${root}`);
  }

  const event = plannedEvent(config, root, probe);
  const timeout = optionalNumber(config, 'timeout', 1, maxTimeoutSeconds, false, 'a number of seconds');
  const memorySize = optionalNumber(config, 'memorySize', minMemoryMB, maxMemoryMB, true, 'a whole number of MB');
  const environment = stringMap(config, 'environment');
  const envFileText = optionalString(config, 'envFile', 'a file path');
  const envFile = envFileText === undefined ? undefined : absolute(envFileText, root);
  if (envFile !== undefined && probe.kind(envFile) !== 'file') throw new Problem('envFile', `"envFile" ${envFile} does not exist`);
  const templateFunction = templateFunctionOf(config, root, probe);

  return {
    name,
    root,
    handler,
    ...(handlerFile !== undefined ? { handlerFile } : {}),
    moduleFile,
    event,
    ...(timeout !== undefined ? { timeout } : {}),
    ...(memorySize !== undefined ? { memorySize } : {}),
    ...(environment !== undefined ? { environment } : {}),
    ...(envFile !== undefined ? { envFile } : {}),
    ...(templateFunction !== undefined ? { templateFunction } : {}),
  };
}

/** `template` (relative to `root`) and `function` (its logical id), both or neither. */
function templateFunctionOf(config: Readonly<Record<string, unknown>>, root: string, probe: FileProbe): LaunchPlan['templateFunction'] {
  const templateText = optionalString(config, 'template', 'a template file path');
  const functionId = optionalString(config, 'function', "a function's logical id");
  if (templateText === undefined && functionId === undefined) return undefined;
  if (templateText === undefined) throw new Problem('template', '"template" is needed with "function": the SAM/CloudFormation template or serverless.yml that defines it');
  if (functionId === undefined) throw new Problem('function', '"function" is needed with "template": the logical id of the function whose settings to take, e.g. "HelloFunction"');
  const path = absolute(templateText, root);
  if (probe.kind(path) !== 'file') throw new Problem('template', `"template" ${path} does not exist`);
  return { path, functionId };
}

/** The first file Lambda's Node.js runtime would load for the module, then TypeScript, then a package in node_modules. */
function findModule(root: string, moduleRoot: string, module: string, probe: FileProbe): string | undefined {
  const base = resolve(root, moduleRoot, module);
  for (const extension of ['', '.js', '.mjs', '.cjs', ...typeScriptExtensions]) {
    if (probe.kind(`${base}${extension}`) === 'file') return `${base}${extension}`;
  }
  const packageDir = resolve(root, 'node_modules', module);
  return probe.kind(packageDir) === 'directory' ? packageDir : undefined;
}

function plannedEvent(config: Readonly<Record<string, unknown>>, root: string, probe: FileProbe): PlannedEvent {
  const event = config['event'];
  const given = (['event', 'alb', 'cloudfront'] as const).filter((key) => config[key] !== undefined);
  if (given.length > 1) throw new Problem(given[1] ?? '', `give one of "event", "alb" and "cloudfront", not ${given.map((key) => `"${key}"`).join(' and ')}: "alb" and "cloudfront" make the event from a request`);
  if (config['alb'] !== undefined) return albEvent(config['alb'], root, probe);
  if (config['cloudfront'] !== undefined) return cloudFrontEvent(config['cloudfront'], root, probe);
  if (event === undefined) return { kind: 'settings' };
  if (typeof event === 'string') {
    if (event === '') throw new Problem('event', '"event" must be a JSON file path or the event itself, not ""');
    const path = absolute(event, root);
    if (probe.kind(path) !== 'file') throw new Problem('event', `"event" file ${path} does not exist (relative paths start at "root")`);
    return { kind: 'file', path };
  }
  return { kind: 'inline', payload: JSON.stringify(event) };
}

function albEvent(alb: unknown, root: string, probe: FileProbe): PlannedEvent {
  if (typeof alb !== 'object' || alb === null || Array.isArray(alb)) throw new Problem('alb', `"alb" must be an object: { "rules": "listener-rules.json", "method": "GET", "url": "https://example.com/path" }${got(alb)}`);
  const record = alb as Record<string, unknown>;
  const rulesText = record['rules'];
  if (typeof rulesText !== 'string' || rulesText === '') throw new Problem('alb.rules', `"alb.rules" must be the path of a JSON file with the listener rules (describe-rules output, a create-rule input or a CloudFormation template)${got(rulesText)}`);
  const rules = absolute(rulesText, root);
  if (probe.kind(rules) !== 'file') throw new Problem('alb.rules', `"alb.rules" file ${rules} does not exist (relative paths start at "root")`);
  const method = record['method'] ?? 'GET';
  if (typeof method !== 'string') throw new Problem('alb.method', `"alb.method" must be an HTTP method such as "GET"${got(method)}`);
  const url = record['url'];
  if (typeof url !== 'string') throw new Problem('alb.url', `"alb.url" must be the request's URL, e.g. "https://example.com/api/users?id=1"${got(url)}`);
  const headers = headerLines(record['headers']);
  const sourceIp = record['sourceIp'];
  if (sourceIp !== undefined && typeof sourceIp !== 'string') throw new Problem('alb.sourceIp', `"alb.sourceIp" must be an IP address string${got(sourceIp)}`);
  const body = record['body'];
  if (body !== undefined && typeof body !== 'string') throw new Problem('alb.body', `"alb.body" must be the request body as a string (JSON bodies too: "{\\"id\\": 1}")${got(body)}`);
  const request: RequestInput = { method, url, headers, ...(sourceIp !== undefined ? { sourceIp } : {}), ...(body !== undefined ? { body } : {}) };
  const parsed = parseRequest(request);
  if ('problem' in parsed) {
    const attribute = { method: 'alb.method', url: 'alb.url', header: 'alb.headers', 'source-ip': 'alb.sourceIp' }[parsed.problem.part];
    throw new Problem(attribute, `"${attribute}": ${parsed.problem.message}`);
  }
  const listener = record['listener'];
  if (listener !== undefined && (typeof listener !== 'number' || !Number.isInteger(listener) || listener < 1)) throw new Problem('alb.listener', `"alb.listener" must be a listener's number in the file, from 1${got(listener)}`);
  const multi = record['multiValueHeaders'];
  if (multi !== undefined && typeof multi !== 'boolean') throw new Problem('alb.multiValueHeaders', `"alb.multiValueHeaders" must be true or false (the target group's lambda.multi_value_headers.enabled)${got(multi)}`);
  return {
    kind: 'alb',
    rules,
    request,
    ...(listener !== undefined ? { listener: listener - 1 } : {}),
    ...(multi !== undefined ? { multiValueHeaders: multi } : {}),
  };
}

function cloudFrontEvent(cloudfront: unknown, root: string, probe: FileProbe): PlannedEvent {
  if (typeof cloudfront !== 'object' || cloudfront === null || Array.isArray(cloudfront)) {
    throw new Problem('cloudfront', `"cloudfront" must be an object: { "trigger": "origin-request", "request": "events/viewer-request.json" }${got(cloudfront)}`);
  }
  const record = cloudfront as Record<string, unknown>;
  const trigger = record['trigger'];
  if (!isTrigger(trigger)) throw new Problem('cloudfront.trigger', `"cloudfront.trigger" must be the trigger the handler is associated with: ${triggers.join(', ')}${got(trigger)}`);
  const requestText = record['request'];
  if (typeof requestText !== 'string' || requestText === '') throw new Problem('cloudfront.request', `"cloudfront.request" must be the path of a viewer-request event (the viewer's request; "New Lambda@Edge event" makes one)${got(requestText)}`);
  const request = absolute(requestText, root);
  if (probe.kind(request) !== 'file') throw new Problem('cloudfront.request', `"cloudfront.request" file ${request} does not exist (relative paths start at "root")`);
  const configText = record['config'];
  if (configText !== undefined && (typeof configText !== 'string' || configText === '')) throw new Problem('cloudfront.config', `"cloudfront.config" must be the path of a lambda-workbench.json with an "edge" section${got(configText)}`);
  const config = absolute(configText ?? 'lambda-workbench.json', root);
  if (probe.kind(config) !== 'file') {
    throw new Problem('cloudfront.config', configText === undefined ? `"cloudfront.config" is needed: there is no lambda-workbench.json in ${root} to say the origin (its "edge" section)` : `"cloudfront.config" file ${config} does not exist (relative paths start at "root")`);
  }
  return { kind: 'cloudfront', trigger, request, config };
}

/** Headers as an object `{ "Name": "value" }` or a list of `"Name: value"` lines, as `"Name: value"` lines. */
function headerLines(headers: unknown): string[] {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) {
    const bad = headers.find((h) => typeof h !== 'string');
    if (bad !== undefined) throw new Problem('alb.headers', `"alb.headers" lines must be strings "Name: value"${got(bad)}`);
    return headers as string[];
  }
  if (typeof headers !== 'object' || headers === null) throw new Problem('alb.headers', `"alb.headers" must be an object { "Name": "value" } or a list of "Name: value" lines${got(headers)}`);
  return Object.entries(headers as Record<string, unknown>).map(([name, value]) => {
    if (typeof value !== 'string') throw new Problem(`alb.headers.${name}`, `"alb.headers.${name}" must be a string${got(value)}`);
    return `${name}: ${value}`;
  });
}

function optionalString(config: Readonly<Record<string, unknown>>, key: string, what: string): string | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new Problem(key, `"${key}" must be ${what}${got(value)}`);
  return value;
}

function optionalNumber(config: Readonly<Record<string, unknown>>, key: string, min: number, max: number, integer: boolean, what: string): number | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Problem(key, `"${key}" must be ${what} from ${min} to ${max}${got(value)}`);
  }
  return value;
}

function stringMap(config: Readonly<Record<string, unknown>>, key: string): Record<string, string> | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Problem(key, `"${key}" must be an object of variables, e.g. { "TABLE_NAME": "orders" }${got(value)}`);
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new Problem(`${key}.${name}`, `"${key}.${name}" must be a string${got(v)}; environment variables are text, so quote it`);
  }
  return value as Record<string, string>;
}

/** `path` made absolute against `base`; `base` is undefined only for paths already checked to be absolute. */
function absolute(path: string, base: string | undefined): string {
  return base === undefined ? resolve(path) : resolve(base, path);
}

function got(value: unknown): string {
  return ` (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`;
}
