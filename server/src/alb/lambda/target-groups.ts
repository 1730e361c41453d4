/**
 * Which local handler plays the Lambda function registered in a target group:
 * `targetGroups` in `lambda-workbench.json`, `lambdaWorkbench.alb.targetGroups`
 * in VS Code's settings, `--target TG=HANDLER` on the command line.
 */
export interface TargetGroupMapping {
  /** Lambda's handler string, e.g. `src/api.handler`. */
  readonly handler: string;
  /**
   * The target group attribute `lambda.multi_value_headers.enabled`; when not
   * given, a CloudFormation template's `TargetGroupAttributes` say, else off (AWS's default).
   */
  readonly multiValueHeaders?: boolean;
}

/**
 * Mappings by target group: its ARN, its name (`api` in
 * `arn:aws:elasticloadbalancing:…:targetgroup/api/6d0ecf831eec9f09`), the
 * logical id of a CloudFormation template's target group, or `*` for any.
 */
export type TargetGroupTable = Readonly<Record<string, TargetGroupMapping>>;

/**
 * Reads a table whose entries are a handler string or
 * `{ "handler": "...", "multiValueHeaders": true }`; bad entries are left out and described.
 */
export function parseTargetGroups(raw: unknown, where: string): { table: TargetGroupTable; problems: string[] } {
  const problems: string[] = [];
  const table: Record<string, TargetGroupMapping> = {};
  if (raw === undefined || raw === null) return { table, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { table, problems: [`${where} must be an object keyed by target group ARN or name, e.g. { "api": "src/api.handler" }`] };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = `${where}["${key}"]`;
    if (!isTargetGroupKey(key)) {
      problems.push(`${at}: a key is a target group's ARN, its name or CloudFormation logical id (letters, digits and hyphens), or *`);
      continue;
    }
    if (typeof value === 'string' && value !== '') {
      table[key] = { handler: value };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${at} must be a handler string or { "handler": "...", "multiValueHeaders": true }`);
      continue;
    }
    const entry = value as Record<string, unknown>;
    const handler = entry['handler'];
    const multi = entry['multiValueHeaders'];
    for (const unknownKey of Object.keys(entry).filter((k) => k !== 'handler' && k !== 'multiValueHeaders')) problems.push(`${at}.${unknownKey} is not a known setting (handler, multiValueHeaders)`);
    if (typeof handler !== 'string' || handler === '') {
      problems.push(`${at}.handler must be a handler string, e.g. "src/api.handler"`);
      continue;
    }
    if (multi !== undefined && typeof multi !== 'boolean') problems.push(`${at}.multiValueHeaders must be true or false`);
    table[key] = { handler, ...(typeof multi === 'boolean' ? { multiValueHeaders: multi } : {}) };
  }
  return { table, problems };
}

function isTargetGroupKey(key: string): boolean {
  return key === '*' || /^[A-Za-z0-9-]{1,255}$/.test(key) || targetGroupName(key) !== undefined;
}

/** The name part of a target group ARN, or undefined for anything else. */
export function targetGroupName(arn: string): string | undefined {
  return /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:targetgroup\/([^/]+)\/[^/]+$/.exec(arn)?.[1];
}

/**
 * The mapping for a target group: by ARN (or logical id), then by name (from
 * the ARN, or `aliases` such as a template's `Name`), then `*`; with the key that matched.
 */
export function mappingFor(table: TargetGroupTable, arn: string, aliases: readonly string[] = []): { readonly key: string; readonly mapping: TargetGroupMapping } | undefined {
  for (const key of [arn, targetGroupName(arn), ...aliases, '*']) {
    if (key === undefined || !Object.prototype.hasOwnProperty.call(table, key)) continue;
    const mapping = table[key];
    if (mapping) return { key, mapping };
  }
  return undefined;
}

/** `TG=HANDLER` from the command line into a table. */
export function parseTargetPairs(pairs: readonly string[], multiValueHeaders: boolean | undefined): { table: TargetGroupTable; problems: string[] } {
  const table: Record<string, TargetGroupMapping> = {};
  const problems: string[] = [];
  for (const pair of pairs) {
    // An ARN holds no "=", so the last one splits.
    const eq = pair.lastIndexOf('=');
    if (eq <= 0 || eq === pair.length - 1) problems.push(`expected TARGET_GROUP=HANDLER, got "${pair}"`);
    else table[pair.slice(0, eq)] = { handler: pair.slice(eq + 1), ...(multiValueHeaders !== undefined ? { multiValueHeaders } : {}) };
  }
  return { table, problems };
}
