import { getNodeValue, type Node } from 'jsonc-parser';
import { properties, propertyValue } from '../document/tree';
import type { StackOptions, TemplateFunctionDefinition } from './functions';
import type { Unresolved } from './resolve';

/** What a local run of a Serverless Framework service is told: the stage, and the process environment for `${env:...}`. */
export interface ServiceOptions extends StackOptions {
  readonly stage?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The functions of a `serverless.yml`, with the settings the framework gives
 * them: `provider` defaults (runtime, memory 1024 MB, timeout 6 s,
 * environment, architecture) under each function's own, and the framework's
 * variables resolved where a local run can (`${self:...}`, `${sls:stage}`,
 * `${opt:stage}`, `${env:...}`, `${aws:region}`, defaults after a comma);
 * the others (`${ssm:...}`, `${cf:...}`...) are named, never left empty.
 */
export function serverlessFunctions(root: Node | undefined, options: ServiceOptions = {}): TemplateFunctionDefinition[] {
  const provider = propertyValue(root, 'provider');
  // provider.stage is often `${opt:stage, 'dev'}` itself: only a literal one says the stage.
  const stage = options.stage ?? literal(propertyValue(provider, 'stage')) ?? 'dev';
  const region = options.region ?? literal(propertyValue(provider, 'region')) ?? 'us-east-1';
  const variables = new ServiceVariables(root, { ...options, stage, region });
  return properties(propertyValue(root, 'functions')).map(({ name, key, value: fn }) => {
    const unresolved: Unresolved[] = [];
    const read = (node: Node | undefined, what: string): unknown => {
      if (!node) return undefined;
      const resolved = variables.resolve(node);
      if (resolved.ok) return resolved.value;
      unresolved.push({ node, message: `${what}: ${resolved.message}` });
      return undefined;
    };
    const setting = (own: string, fallback = own) => read(propertyValue(fn, own) ?? propertyValue(provider, fallback), own);
    const chosen = new Map<string, Node>();
    for (const owner of [provider, fn]) for (const variable of properties(propertyValue(owner, 'environment'))) chosen.set(variable.name, variable.value);
    const environment: Record<string, string> = {};
    for (const [variable, node] of chosen) {
      const value = read(node, `environment variable ${variable}`);
      if (value !== undefined && value !== null) environment[variable] = String(value);
    }
    const layers = [...listOf(read(propertyValue(fn, 'layers'), 'layers'))];
    return {
      id: name,
      type: 'serverless',
      key,
      handler: stringOf(setting('handler')),
      runtime: stringOf(setting('runtime')),
      code: { kind: 'local', path: '.' },
      environment,
      timeout: numberOr(setting('timeout'), 6),
      memorySize: numberOr(setting('memorySize'), 1024),
      architecture: setting('architecture') === 'arm64' ? 'arm64' : 'x86_64',
      layers: layers.map((arn) => ({ name: arn, code: { kind: 'remote', what: `the published layer ${arn}` } })),
      unresolved,
    };
  });
}

type Resolved = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The framework's `${source:address, fallback}` variables, as far as a local run can know them. */
class ServiceVariables {
  constructor(
    private readonly root: Node | undefined,
    private readonly options: ServiceOptions & { readonly stage: string; readonly region: string },
  ) {}

  resolve(node: Node): Resolved {
    try {
      return { ok: true, value: this.value(getNodeValue(node) as unknown, 0) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private value(value: unknown, depth: number): unknown {
    if (depth > 16) throw new Error('variables refer to each other too deeply (a cycle?)');
    if (typeof value === 'string') return this.text(value, depth);
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v, depth + 1)]));
    return value;
  }

  /** A whole-string variable keeps its value's type (`${self:custom.size}` may be a number); inside text it becomes text. */
  private text(text: string, depth: number): unknown {
    const whole = /^\$\{([^{}]+)\}$/.exec(text);
    if (whole?.[1] !== undefined) return this.variable(whole[1], depth);
    return text.replace(/\$\{([^{}]+)\}/g, (_, inner: string) => String(this.variable(inner, depth)));
  }

  private variable(expression: string, depth: number): unknown {
    const [first = '', ...fallbacks] = splitFallbacks(expression);
    const found = this.source(first.trim(), depth);
    if (found !== undefined) return found;
    for (const fallback of fallbacks) {
      const literal = /^\s*(['"])(.*)\1\s*$/.exec(fallback);
      if (literal) return literal[2];
      if (/^\s*-?\d+(\.\d+)?\s*$/.test(fallback)) return Number(fallback);
      const next = this.source(fallback.trim(), depth);
      if (next !== undefined) return next;
    }
    throw new Error(`\${${expression}} cannot be resolved locally`);
  }

  private source(reference: string, depth: number): unknown {
    const colon = reference.indexOf(':');
    const kind = colon < 0 ? reference : reference.slice(0, colon);
    const address = colon < 0 ? '' : reference.slice(colon + 1);
    switch (kind) {
      case 'self': {
        let node = this.root;
        for (const part of address.split('.').filter(Boolean)) node = propertyValue(node, part);
        return node ? this.value(getNodeValue(node) as unknown, depth + 1) : undefined;
      }
      case 'sls':
        return address === 'stage' ? this.options.stage : address === 'instanceId' ? 'local' : undefined;
      case 'opt':
        return address === 'stage' ? this.options.stage : address === 'region' ? this.options.region : undefined;
      case 'env':
        return this.options.env?.[address];
      case 'aws':
        return address === 'region' ? this.options.region : address === 'accountId' ? (this.options.accountId ?? '123456789012') : undefined;
      default:
        // ssm, cf, s3, file(...), param...: what only the deployed account or the framework's plugins know.
        return undefined;
    }
  }
}

/** `opt:stage, 'dev'` → [`opt:stage`, ` 'dev'`]: commas inside quotes do not split. */
function splitFallbacks(expression: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const c of expression) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

function literal(node: Node | undefined): string | undefined {
  return typeof node?.value === 'string' && !node.value.includes('${') ? node.value : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

function* listOf(value: unknown): Iterable<string> {
  if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') yield item;
}
