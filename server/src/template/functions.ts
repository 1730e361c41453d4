import type { Node } from 'jsonc-parser';
import { properties, propertyValue, stringValue } from '../document/tree';
import { resolveValue, type StackEnvironment, type Unresolved } from './resolve';
import { functionTypes, referencedId, templateResources, type TemplateResource } from './resources';

/** What the user says about the stack a local run stands for (SAM CLI's flags). */
export interface StackOptions {
  /** `--parameter-overrides Key=Value ...`. */
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  readonly region?: string;
  readonly accountId?: string;
  readonly stackName?: string;
}

/** Where a function's or layer's code is, as far as the template says. */
export type CodeLocation =
  /** A folder (or zip file) relative to the template's folder: SAM's `CodeUri`, a local `Code` path, a CDK asset in cdk.out. */
  | { readonly kind: 'local'; readonly path: string }
  /** `Code.ZipFile`: the source itself, in the template. */
  | { readonly kind: 'inline'; readonly source: string }
  /** An S3 object or image: not on this machine. */
  | { readonly kind: 'remote'; readonly what: string }
  | { readonly kind: 'none' };

/** A layer a function uses: local content is mounted as Lambda mounts it. */
export interface LayerReference {
  readonly name: string;
  readonly code: CodeLocation;
}

/** A function of a template with its settings as Lambda would get them (SAM's Globals merged, intrinsics evaluated). */
export interface TemplateFunctionDefinition {
  readonly id: string;
  readonly type: string;
  /** The logical id's key: where the Invoke lens and findings about the function go. */
  readonly key: Node;
  readonly handler: string | undefined;
  readonly runtime: string | undefined;
  readonly code: CodeLocation;
  readonly environment: Readonly<Record<string, string>>;
  /** Seconds; Lambda's default is 3. */
  readonly timeout: number;
  /** MB; Lambda's default is 128. */
  readonly memorySize: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly layers: readonly LayerReference[];
  /** Values a local run cannot know (an environment variable set to a resource's ARN...), each naming what it is. */
  readonly unresolved: readonly Unresolved[];
}

/** The stack a local run stands for: parameters (overrides, else defaults) and pseudo parameters. */
export function stackEnvironment(root: Node | undefined, options: StackOptions = {}): StackEnvironment {
  const parameters = new Map<string, string>();
  const missingParameters = new Set<string>();
  for (const { name, value } of properties(propertyValue(root, 'Parameters'))) {
    const override = options.parameterOverrides?.[name];
    const fallback = propertyValue(value, 'Default');
    if (override !== undefined) parameters.set(name, override);
    else if (fallback && fallback.type !== 'object' && fallback.type !== 'array') parameters.set(name, String(fallback.value));
    else missingParameters.add(name);
  }
  const region = options.region ?? 'us-east-1';
  return {
    parameters,
    missingParameters,
    region,
    accountId: options.accountId ?? '123456789012',
    stackName: options.stackName ?? 'local',
    partition: region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
    urlSuffix: region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com',
    mappings: propertyValue(root, 'Mappings'),
    conditions: propertyValue(root, 'Conditions'),
    resources: templateResources(root),
  };
}

/** Every `AWS::Serverless::Function` and `AWS::Lambda::Function` of a template, with its settings. */
export function templateFunctions(root: Node | undefined, options: StackOptions = {}): TemplateFunctionDefinition[] {
  const stack = stackEnvironment(root, options);
  const globals = propertyValue(propertyValue(root, 'Globals'), 'Function');
  return [...stack.resources.values()].filter((r) => functionTypes.has(r.type)).map((resource) => readFunction(resource, resource.type === 'AWS::Serverless::Function' ? globals : undefined, stack));
}

function readFunction(resource: TemplateResource, globals: Node | undefined, stack: StackEnvironment): TemplateFunctionDefinition {
  const unresolved: Unresolved[] = [];
  /** A setting evaluated: the function's own, else the Globals'. */
  const setting = (name: string): unknown => {
    const node = propertyValue(resource.properties, name) ?? propertyValue(globals, name);
    if (!node) return undefined;
    const resolved = resolveValue(node, stack);
    if (resolved.ok) return resolved.value;
    unresolved.push({ ...resolved.unresolved, message: `${name}: ${resolved.unresolved.message}` });
    return undefined;
  };
  const sam = resource.type === 'AWS::Serverless::Function';
  const architectures = setting('Architectures');
  return {
    id: resource.id,
    type: resource.type,
    key: resource.key,
    handler: text(setting('Handler')),
    runtime: text(setting('Runtime')),
    code: stringValue(propertyValue(resource.properties, 'PackageType')) === 'Image' ? { kind: 'remote', what: 'a container image' } : codeOf(resource, sam ? setting('CodeUri') : setting('Code')),
    environment: environmentOf(resource, globals, stack, unresolved),
    timeout: numberOr(setting('Timeout'), 3),
    memorySize: numberOr(setting('MemorySize'), 128),
    architecture: Array.isArray(architectures) && architectures[0] === 'arm64' ? 'arm64' : 'x86_64',
    layers: layersOf(resource, globals, stack, unresolved),
    unresolved,
  };
}

/** `Environment.Variables`: the function's own over SAM's Globals, each variable evaluated on its own. */
function environmentOf(resource: TemplateResource, globals: Node | undefined, stack: StackEnvironment, unresolved: Unresolved[]): Record<string, string> {
  const chosen = new Map<string, Node>();
  for (const owner of [globals, resource.properties]) {
    for (const { name, value } of properties(propertyValue(propertyValue(owner, 'Environment'), 'Variables'))) chosen.set(name, value);
  }
  const environment: Record<string, string> = {};
  for (const [name, node] of chosen) {
    const resolved = resolveValue(node, stack);
    if (!resolved.ok) unresolved.push({ ...resolved.unresolved, message: `environment variable ${name}: ${resolved.unresolved.message}` });
    else if (typeof resolved.value === 'string' || typeof resolved.value === 'number' || typeof resolved.value === 'boolean') environment[name] = String(resolved.value);
  }
  return environment;
}

/** SAM appends the function's layers to the Globals' (lists merge by appending). */
function layersOf(resource: TemplateResource, globals: Node | undefined, stack: StackEnvironment, unresolved: Unresolved[]): LayerReference[] {
  const layers: LayerReference[] = [];
  for (const owner of [globals, resource.properties]) {
    const list = propertyValue(owner, 'Layers');
    for (const item of list?.type === 'array' ? (list.children ?? []) : []) {
      const id = referencedId(item);
      const layer = id !== undefined ? stack.resources.get(id) : undefined;
      if (layer && (layer.type === 'AWS::Serverless::LayerVersion' || layer.type === 'AWS::Lambda::LayerVersion')) {
        const content = propertyValue(layer.properties, layer.type === 'AWS::Serverless::LayerVersion' ? 'ContentUri' : 'Content');
        const resolved = content ? resolveValue(content, stack) : undefined;
        layers.push({ name: layer.id, code: codeOf(layer, resolved?.ok ? resolved.value : undefined) });
        continue;
      }
      const resolved = resolveValue(item, stack);
      if (resolved.ok && typeof resolved.value === 'string') layers.push({ name: resolved.value, code: { kind: 'remote', what: `the published layer ${resolved.value}` } });
      else if (!resolved.ok) unresolved.push({ ...resolved.unresolved, message: `Layers: ${resolved.unresolved.message}` });
    }
  }
  return layers;
}

/** Where code is: a CDK asset, a local path, inline source, or S3. */
function codeOf(resource: TemplateResource, value: unknown): CodeLocation {
  const metadata = resource.metadata;
  const assetProperty = stringValue(propertyValue(metadata, 'aws:asset:property'));
  const assetPath = stringValue(propertyValue(metadata, 'aws:asset:path'));
  if (assetPath !== undefined && (assetProperty === 'Code' || assetProperty === 'Content')) return { kind: 'local', path: assetPath };
  if (typeof value === 'string') return /^s3:\/\//i.test(value) ? { kind: 'remote', what: value } : { kind: 'local', path: value };
  if (value && typeof value === 'object') {
    const code = value as Record<string, unknown>;
    if (typeof code['ZipFile'] === 'string') return { kind: 'inline', source: code['ZipFile'] };
    const bucket = code['S3Bucket'] ?? code['Bucket'];
    const key = code['S3Key'] ?? code['Key'];
    if (typeof bucket === 'string') return { kind: 'remote', what: `s3://${bucket}/${typeof key === 'string' ? key : ''}` };
    if (typeof code['ImageUri'] === 'string') return { kind: 'remote', what: code['ImageUri'] };
  }
  return { kind: 'none' };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}
