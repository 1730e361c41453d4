import { wildcardMatcher } from '../../wildcard/match';
import { malformedIndex, readIndexFile } from './load';
import { isRawIndex, type RawIndex, type RawService } from './raw-index';

const referenceBase = 'https://docs.aws.amazon.com/service-authorization/latest/reference';
const globalKeysPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';

/** A service of the service authorization reference. */
export interface ServiceInfo {
  readonly prefix: string;
  readonly name: string;
  /** The service's page in the service authorization reference. */
  readonly docsUrl: string;
}

export interface ActionResourceType {
  readonly name: string;
  readonly required: boolean;
  /** ARN template, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`; undefined when the data lacks it. */
  readonly arn: string | undefined;
}

/** One action of a service, with what the reference says about it. */
export interface ActionInfo {
  readonly service: ServiceInfo;
  /** The action's own spelling, e.g. `GetObject`. */
  readonly name: string;
  readonly description: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys of the action and of its resource types. */
  readonly conditionKeys: readonly string[];
  /** The same keys in lower case, to test a key as IAM compares them (case-insensitively). */
  readonly conditionKeySet: ReadonlySet<string>;
}

/** A condition key: a global `aws:` key, a service's key, or an identity provider's claim. */
export interface ConditionKeyInfo {
  /** The key as the reference spells it (templated ones keep their variable, e.g. `aws:RequestTag/${TagKey}`). */
  readonly key: string;
  readonly type: string;
  readonly description: string;
  readonly scope: 'global' | 'service' | 'provider';
  readonly docsUrl: string;
}

interface ServiceEntry {
  readonly info: ServiceInfo;
  readonly raw: RawService;
  /** Lower-cased action name → action, built on first use of the service. */
  actions?: Map<string, ActionInfo>;
  /** The same, by the reference's own spelling: policies mostly copy it, so most lookups need no lower-casing. */
  actionsAsSpelt?: Map<string, ActionInfo>;
  keys?: KeyTable;
  resourceTypes?: ReadonlyArray<{ readonly name: string; readonly arn: string }>;
}

interface KeyTable {
  readonly exact: Map<string, ConditionKeyInfo>;
  readonly templated: Array<{ pattern: RegExp; info: ConditionKeyInfo }>;
}

/** The IAM reference data, queried case-insensitively as IAM itself compares names. */
export class IamData {
  private readonly entries = new Map<string, ServiceEntry>();
  private readonly globals: KeyTable = { exact: new Map(), templated: [] };
  private readonly unassociated = new Map<string, readonly string[]>();

  constructor(private readonly raw: RawIndex) {
    for (const [prefix, service] of Object.entries(raw.services)) {
      const info: ServiceInfo = { prefix, name: service[0], docsUrl: `${referenceBase}/list_${service[1]}.html` };
      this.entries.set(prefix.toLowerCase(), { info, raw: service });
    }
    for (const [key, [type, description]] of Object.entries(raw.globalKeys)) {
      const anchor = key.split(':')[1]?.split('/')[0]?.toLowerCase() ?? '';
      const info: ConditionKeyInfo = { key, type, description, scope: 'global', docsUrl: `${globalKeysPage}#condition-keys-${anchor}` };
      addKey(this.globals, key, info);
    }
    for (const [prefix, services] of Object.entries(raw.unassociated)) this.unassociated.set(prefix.toLowerCase(), services);
  }

  get version(): string {
    return this.raw.version;
  }

  services(): ServiceInfo[] {
    return [...this.entries.values()].map((e) => e.info);
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.entry(prefix)?.info;
  }

  /** Prefixes are written in lower case almost always: look up as written first, lower-casing (an allocation) only when that misses. */
  private entry(prefix: string): ServiceEntry | undefined {
    return this.entries.get(prefix) ?? this.entries.get(prefix.toLowerCase());
  }

  actions(prefix: string): readonly ActionInfo[] {
    const entry = this.entry(prefix);
    return entry ? [...this.actionTable(entry).values()] : [];
  }

  action(prefix: string, name: string): ActionInfo | undefined {
    const entry = this.entry(prefix);
    if (!entry) return undefined;
    const table = this.actionTable(entry);
    return entry.actionsAsSpelt?.get(name) ?? table.get(name.toLowerCase());
  }

  private readonly matched = new Map<string, readonly ActionInfo[]>();

  /** The actions an `Action` value names: `service:Name`, with `*` and `?` in the name, or `*` alone. Cached as written (matching ignores case): policies repeat their actions. */
  matchActions(value: string): readonly ActionInfo[] {
    const cached = this.matched.get(value);
    if (cached) return cached;
    if (this.matched.size > 5000) this.matched.clear();
    const result = this.computeMatches(value);
    this.matched.set(value, result);
    return result;
  }

  private computeMatches(value: string): ActionInfo[] {
    if (value === '*') return [...this.entries.values()].flatMap((e) => [...this.actionTable(e).values()]);
    const colon = value.indexOf(':');
    if (colon < 0) return [];
    const pattern = wildcardMatcher(value.slice(colon + 1), { caseInsensitive: true });
    return this.actions(value.slice(0, colon)).filter((a) => pattern.matches(a.name));
  }

  private readonly resolvedKeys = new Map<string, ConditionKeyInfo | null>();

  /** Resolves a condition key as written in a policy, case-insensitively, including templated keys. Cached. */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const cached = this.resolvedKeys.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.resolvedKeys.size > 5000) this.resolvedKeys.clear();
    const found = this.resolveKey(key);
    this.resolvedKeys.set(key, found ?? null);
    return found;
  }

  private resolveKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    if (lower.startsWith('aws:')) return lookup(this.globals, lower);
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const prefix = lower.slice(0, colon);
    const global = lookup(this.globals, lower);
    if (global) return global;
    const entry = this.entries.get(prefix);
    const owners = entry ? [prefix] : (this.unassociated.get(prefix) ?? []);
    for (const owner of owners) {
      const ownerEntry = this.entries.get(owner);
      const found = ownerEntry && lookup(this.keyTable(ownerEntry), lower);
      if (found) return found;
    }
    if (!entry && isIdentityProvider(prefix)) {
      // Claims of any OIDC provider (e.g. oidc.eks.<region>.amazonaws.com/id/<id>:sub) are valid keys.
      return { key, type: 'String', description: `A claim of the identity provider ${key.slice(0, colon)}.`, scope: 'provider', docsUrl: `${globalKeysPage}` };
    }
    return undefined;
  }

  /** True when the key's prefix names a service or identity provider the data knows (so an unknown key is a typo). */
  knowsKeyPrefix(key: string): boolean {
    const colon = key.indexOf(':');
    if (colon <= 0) return false;
    const prefix = key.slice(0, colon).toLowerCase();
    return prefix === 'aws' || this.entries.has(prefix) || this.unassociated.has(prefix);
  }

  /** A service's resource types and their ARN templates (built once per service: checks ask for every ARN). */
  resourceTypes(prefix: string): ReadonlyArray<{ readonly name: string; readonly arn: string }> {
    const entry = this.entry(prefix);
    if (!entry) return [];
    entry.resourceTypes ??= Object.entries(entry.raw[3]).map(([name, [arn]]) => ({ name, arn }));
    return entry.resourceTypes;
  }

  private arnServiceSet: ReadonlySet<string> | undefined;
  private arnTypes: Map<string, Array<{ readonly name: string; readonly arn: string }>> | undefined;

  /**
   * The resource types whose ARNs carry `field` as their service (one ARN form
   * each: a type with several forms appears once per form), across services:
   * Service Catalog's "catalog" ARNs belong to the servicecatalog prefix.
   */
  arnResourceTypes(field: string): ReadonlyArray<{ readonly name: string; readonly arn: string }> {
    if (!this.arnTypes) {
      const byField = new Map<string, Array<{ name: string; arn: string }>>();
      for (const service of Object.values(this.raw.services)) {
        for (const [name, [template]] of Object.entries(service[3])) {
          for (const one of template.split(/,\s*(?=arn:)/)) {
            const own = one.split(':')[2];
            if (!own || own.includes('${')) continue;
            let list = byField.get(own);
            if (!list) byField.set(own, (list = []));
            list.push({ name, arn: one });
          }
        }
      }
      this.arnTypes = byField;
    }
    return this.arnTypes.get(field) ?? [];
  }

  /**
   * The services ARNs name: every service prefix and the service field of every
   * ARN template (not always the prefix: Service Catalog's ARNs say "catalog").
   * A template whose service is a variable (AWS Backup's recovery points) adds none.
   */
  arnServices(): ReadonlySet<string> {
    if (!this.arnServiceSet) {
      const services = new Set<string>();
      for (const [prefix, service] of Object.entries(this.raw.services)) {
        services.add(prefix);
        for (const [template] of Object.values(service[3])) {
          for (const one of template.split(/,\s*(?=arn:)/)) {
            const field = one.split(':')[2];
            if (field && !field.includes('${')) services.add(field);
          }
        }
      }
      this.arnServiceSet = services;
    }
    return this.arnServiceSet;
  }

  /** Every key of a service, and the global keys, for completion. */
  conditionKeys(prefix?: string): ConditionKeyInfo[] {
    const out = [...this.globals.exact.values(), ...this.globals.templated.map((t) => t.info)];
    const entry = prefix === undefined ? undefined : this.entries.get(prefix.toLowerCase());
    if (entry) {
      const table = this.keyTable(entry);
      out.push(...table.exact.values(), ...table.templated.map((t) => t.info));
    }
    return out;
  }

  private actionTable(entry: ServiceEntry): Map<string, ActionInfo> {
    if (entry.actions) return entry.actions;
    const [, , rawActions, rawResources] = entry.raw;
    const table = new Map<string, ActionInfo>();
    for (const [name, [description, accessLevel, resourceTypes, conditionKeys]] of Object.entries(rawActions)) {
      const types = resourceTypes.map(([type, required, actionKeys]) => {
        const resource = rawResources[type.toLowerCase()];
        return { name: type, required: required === 1, arn: resource?.[0], keys: [...(resource?.[1] ?? []), ...(actionKeys ?? [])] };
      });
      const keys = [...new Set([...conditionKeys, ...types.flatMap((t) => t.keys)])];
      table.set(name.toLowerCase(), {
        service: entry.info,
        name,
        description,
        accessLevel,
        resourceTypes: types.map(({ name: n, required, arn }) => ({ name: n, required, arn })),
        conditionKeys: keys,
        conditionKeySet: new Set(keys.map((k) => k.toLowerCase())),
      });
    }
    entry.actions = table;
    entry.actionsAsSpelt = new Map([...table.values()].map((a) => [a.name, a]));
    return table;
  }

  private keyTable(entry: ServiceEntry): KeyTable {
    if (entry.keys) return entry.keys;
    const table: KeyTable = { exact: new Map(), templated: [] };
    const docsUrl = `${entry.info.docsUrl}#${entry.raw[1]}-policy-keys`;
    for (const [key, [type, description]] of Object.entries(entry.raw[4])) {
      addKey(table, key, { key, type, description, scope: 'service', docsUrl });
    }
    for (const [pattern, template] of Object.entries(this.raw.patterns[entry.info.prefix] ?? {})) {
      const info = lookup(table, template.toLowerCase());
      if (info) table.templated.push({ pattern: new RegExp(`^${pattern}$`, 'i'), info });
    }
    entry.keys = table;
    return table;
  }
}

/** Variable parts of key names as the reference writes them: `${TagKey}`, `<key>`, and the global keys' `tag-key`. */
const keyVariable = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/g;

function addKey(table: KeyTable, key: string, info: ConditionKeyInfo): void {
  keyVariable.lastIndex = 0;
  if (!keyVariable.test(key)) {
    table.exact.set(key.toLowerCase(), info);
    return;
  }
  const parts = key.split(keyVariable).map((p) => p.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  table.templated.push({ pattern: new RegExp(`^${parts.join('.+')}$`, 'i'), info });
  // The template itself, as written, resolves too (hover on `aws:RequestTag/${TagKey}` in docs examples).
  table.exact.set(key.toLowerCase(), info);
}

function lookup(table: KeyTable, lowerKey: string): ConditionKeyInfo | undefined {
  return table.exact.get(lowerKey) ?? table.templated.find((t) => t.pattern.test(lowerKey))?.info;
}

/** A key prefix that is a host name (with an optional path): an OIDC or SAML provider, not a service. */
function isIdentityProvider(prefix: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(prefix);
}

let loaded: IamData | undefined;

/** The data, read from the compiled index at first use (not at server start). */
export function iamData(): IamData {
  if (!loaded) {
    const raw = readIndexFile();
    if (!isRawIndex(raw)) throw malformedIndex();
    loaded = new IamData(raw);
  }
  return loaded;
}
