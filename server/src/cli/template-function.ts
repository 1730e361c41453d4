import { readFileSync } from 'node:fs';
import { templateFunction, type TemplateFunction } from '../runtime';
import { UsageError } from './args';
import { reasonOf } from './files';

/** The options of a run from a template, as SAM CLI spells them. */
export interface TemplateRunOptions {
  readonly parameterOverrides: Readonly<Record<string, string>>;
  readonly region: string | undefined;
}

/**
 * A function of a SAM/CloudFormation template (a logical id) or of a
 * serverless.yml (a function name), read by the runtime engine as Lambda
 * would get it. Mistakes are usage errors that say where (file:line:col).
 */
export function templateTarget(functionId: string, templatePath: string, options: TemplateRunOptions): TemplateFunction {
  let text: string;
  try {
    text = readFileSync(templatePath, 'utf8');
  } catch (error) {
    throw new UsageError(`--template ${templatePath}: ${reasonOf(error)}`);
  }
  const found = templateFunction(templatePath, text, functionId, { parameterOverrides: options.parameterOverrides, ...(options.region !== undefined ? { region: options.region } : {}) });
  if ('problem' in found) throw new UsageError(found.problem);
  return found;
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
