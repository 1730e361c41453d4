/** The compiled index as written by compile-index.mjs: arrays rather than objects, to stay small. */
export interface RawIndex {
  readonly version: string;
  /** prefix → [service name, reference page slug, actions, resource types, condition keys] */
  readonly services: Readonly<Record<string, RawService>>;
  /** key → [type, description, category] */
  readonly globalKeys: Readonly<Record<string, readonly [string, string, string]>>;
  /** Condition key prefixes that are not service prefixes (e.g. identity providers) → services defining them. */
  readonly unassociated: Readonly<Record<string, readonly string[]>>;
  /** service → { regular expression: templated key } for keys whose names embed a variable part. */
  readonly patterns: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly rcpServices: readonly string[];
}

export type RawService = readonly [
  name: string,
  page: string,
  actions: Readonly<Record<string, RawAction>>,
  resourceTypes: Readonly<Record<string, readonly [arn: string, conditionKeys: readonly string[]]>>,
  conditionKeys: Readonly<Record<string, readonly [type: string, description: string]>>,
];

export type RawAction = readonly [
  description: string,
  accessLevel: string,
  resourceTypes: ReadonlyArray<readonly [name: string, required: 0 | 1, conditionKeys?: readonly string[]]>,
  conditionKeys: readonly string[],
];

/** A cheap shape check, so that a stale or foreign file fails loudly at load rather than deep inside a check. */
export function isRawIndex(value: unknown): value is RawIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['version'] === 'string' && typeof v['services'] === 'object' && typeof v['globalKeys'] === 'object';
}
