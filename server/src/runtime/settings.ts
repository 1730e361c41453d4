import { maxMemoryMB, maxTimeoutSeconds, minMemoryMB } from './config';

/** Per-function settings, as written in `.vscode/settings.json` (`lambdaWorkbench.functions`) or `lambda-workbench.json`. */
export interface FunctionSettings {
  readonly timeout?: number;
  readonly memorySize?: number;
  readonly environment?: Readonly<Record<string, string>>;
  /** A dotenv file, relative to the task root. */
  readonly envFile?: string;
  /** An event file, relative to the task root, used when none is chosen. */
  readonly event?: string;
  readonly reservedConcurrency?: number;
  /** The tenant to invoke as (tenant isolation), when the invoke names none. */
  readonly tenantId?: string;
  /** Lambda's runtime (`python3.12`, `nodejs20.x`, `provided.al2023`), over the template's. */
  readonly runtime?: string;
  /** Local layer folders, relative to the task root; they replace the template's. */
  readonly layers?: readonly string[];
}

/** Settings of every function, by handler string (`src/index.handler`); `*` applies to all. */
export type FunctionSettingsTable = Readonly<Record<string, FunctionSettings>>;

/** Parses a settings table; bad entries are left out and described, never thrown. */
export function parseFunctionSettings(raw: unknown, where: string): { table: FunctionSettingsTable; problems: string[] } {
  const problems: string[] = [];
  const table: Record<string, FunctionSettings> = {};
  if (raw === undefined || raw === null) return { table, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { table, problems: [`${where} must be an object keyed by handler (e.g. "src/index.handler")`] };
  for (const [handler, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = `${where}["${handler}"]`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    table[handler] = parseEntry(value as Record<string, unknown>, at, problems);
  }
  return { table, problems };
}

function parseEntry(entry: Record<string, unknown>, at: string, problems: string[]): FunctionSettings {
  const out: { -readonly [K in keyof FunctionSettings]: FunctionSettings[K] } = {};
  const number = (key: string, min: number, max: number, integer: boolean): number | undefined => {
    const value = entry[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || value < min || value > max || (integer && !Number.isInteger(value))) {
      problems.push(`${at}.${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
      return undefined;
    }
    return value;
  };
  const string = (key: string): string | undefined => {
    const value = entry[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      problems.push(`${at}.${key} must be a non-empty string`);
      return undefined;
    }
    return value;
  };
  const timeout = number('timeout', 1, maxTimeoutSeconds, false);
  if (timeout !== undefined) out.timeout = timeout;
  const memorySize = number('memorySize', minMemoryMB, maxMemoryMB, true);
  if (memorySize !== undefined) out.memorySize = memorySize;
  const reserved = number('reservedConcurrency', 1, 1000, true);
  if (reserved !== undefined) out.reservedConcurrency = reserved;
  const envFile = string('envFile');
  if (envFile !== undefined) out.envFile = envFile;
  const event = string('event');
  if (event !== undefined) out.event = event;
  const tenantId = string('tenantId');
  if (tenantId !== undefined) out.tenantId = tenantId;
  const runtime = string('runtime');
  if (runtime !== undefined) out.runtime = runtime;
  const layers = entry['layers'];
  if (layers !== undefined) {
    if (!Array.isArray(layers) || layers.some((l) => typeof l !== 'string' || l === '')) problems.push(`${at}.layers must be a list of folders (relative to the task root)`);
    else out.layers = layers as string[];
  }
  const environment = entry['environment'];
  if (environment !== undefined) {
    if (typeof environment !== 'object' || environment === null || Array.isArray(environment) || Object.values(environment).some((v) => typeof v !== 'string')) {
      problems.push(`${at}.environment must be an object of string values`);
    } else {
      out.environment = environment as Record<string, string>;
    }
  }
  const known = new Set(['timeout', 'memorySize', 'reservedConcurrency', 'envFile', 'event', 'tenantId', 'environment', 'runtime', 'layers']);
  for (const key of Object.keys(entry)) if (!known.has(key)) problems.push(`${at}.${key} is not a known setting (${[...known].join(', ')})`);
  return out;
}

/** One function's settings with its environment resolved, and what was wrong on the way. */
export interface ResolvedFunctionSettings {
  readonly settings: FunctionSettings & { timeout: number; memorySize: number };
  readonly environment: Record<string, string>;
  readonly problems: string[];
}

/**
 * Parses a dotenv file: `KEY=value`, optional `export `, `#` comments, single
 * quotes taken literally, double quotes with \n escapes. Bad lines are reported with their line number.
 */
export function parseEnvFile(text: string): { variables: Record<string, string>; problems: Array<{ line: number; message: string }> } {
  const variables: Record<string, string> = {};
  const problems: Array<{ line: number; message: string }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push({ line: index + 1, message: 'expected KEY=value' });
      return;
    }
    const name = match[1] ?? '';
    let value = match[2] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    variables[name] = value;
  });
  return { variables, problems };
}

/** `K=V` pairs from the command line into variables; the first `=` splits. */
export function parseEnvPairs(pairs: readonly string[]): { variables: Record<string, string>; problems: string[] } {
  const variables: Record<string, string> = {};
  const problems: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) problems.push(`expected KEY=VALUE, got "${pair}"`);
    else variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { variables, problems };
}
