import type { ConditionModel, RuleModel } from '../model/types';
import { parseCidr, type Cidr, type WrittenCidr } from '../../network/ip';
import { parseGlob, type Glob } from '../patterns/glob';

/**
 * The requests a rule matches, as one constraint per request dimension.
 * `opaque` stands for what the analysis cannot reason about (regexes,
 * CloudFormation expressions): two opaque constraints are only known to be
 * equal when written the same, and one is never known to hold everything.
 */
export type PatternConstraint =
  | { readonly kind: 'any' }
  | { readonly kind: 'globs'; readonly globs: readonly Glob[]; readonly text: string }
  /** `values` and `regexes` let a candidate string be tested; `text` is undefined when nothing is readable. */
  | { readonly kind: 'opaque'; readonly text: string | undefined; readonly values: readonly string[]; readonly regexes: readonly string[] };

export type MethodConstraint = { readonly kind: 'any' } | { readonly kind: 'set'; readonly methods: ReadonlySet<string> } | { readonly kind: 'opaque'; readonly text: undefined };

export type SourceConstraint = { readonly kind: 'any' } | { readonly kind: 'cidrs'; readonly cidrs: readonly Cidr[]; readonly text: string } | { readonly kind: 'opaque'; readonly text: undefined };

/** A header condition: some line of the named header has a value in `values`. */
export interface HeaderConstraint {
  readonly name: string;
  readonly values: PatternConstraint;
}

/** A query-string condition: some pair of the query matches one of these (a missing key matches any key). */
export interface QueryConstraint {
  readonly pairs: ReadonlyArray<{ readonly key: Glob | undefined; readonly value: Glob }>;
  readonly text: string;
}

export interface RuleSpace {
  readonly host: PatternConstraint;
  readonly path: PatternConstraint;
  readonly method: MethodConstraint;
  readonly source: SourceConstraint;
  readonly headers: readonly HeaderConstraint[];
  readonly queries: readonly QueryConstraint[];
}

const any = { kind: 'any' } as const;

/** The space of a rule, or undefined when it has conditions the analysis cannot read (unknown fields, repeats AWS refuses). */
export function spaceOf(rule: RuleModel): RuleSpace | undefined {
  let host: PatternConstraint = any;
  let path: PatternConstraint = any;
  let method: MethodConstraint = any;
  let source: SourceConstraint = any;
  const headers: HeaderConstraint[] = [];
  const queries: QueryConstraint[] = [];
  const seen = new Set<string>();
  for (const condition of rule.conditions?.items ?? []) {
    const kind = condition.kind;
    if (!kind) return undefined;
    if (kind !== 'http-header' && kind !== 'query-string') {
      if (seen.has(kind)) return undefined;
      seen.add(kind);
    }
    switch (kind) {
      case 'host-header':
        host = patterns(condition, true);
        break;
      case 'path-pattern':
        path = patterns(condition, false);
        break;
      case 'http-request-method':
        method = condition.values.length > 0 && condition.values.every((v) => v.value !== undefined) ? { kind: 'set', methods: new Set(condition.values.map((v) => v.value ?? '')) } : { kind: 'opaque', text: undefined };
        break;
      case 'source-ip': {
        const cidrs = condition.values.map((v) => (v.value === undefined ? undefined : parseCidr(v.value)));
        source = cidrs.length > 0 && cidrs.every((c): c is WrittenCidr => c !== undefined && !('error' in c))
          ? { kind: 'cidrs', cidrs, text: condition.values.map((v) => v.value).join(', ') }
          : { kind: 'opaque', text: undefined };
        break;
      }
      case 'http-header': {
        const name = condition.headerName?.value;
        if (name === undefined) return undefined;
        headers.push({ name: name.toLowerCase(), values: patterns(condition, true) });
        break;
      }
      case 'query-string': {
        const pairs = condition.queryPairs.map((p) => ({ key: p.key?.value, value: p.value?.value }));
        if (pairs.length === 0 || pairs.some((p) => p.value === undefined)) return undefined;
        if (condition.queryPairs.some((p) => p.key !== undefined && p.key.value === undefined)) return undefined;
        queries.push({
          pairs: pairs.map((p) => ({
            key: p.key === undefined ? undefined : parseGlob(p.key, { caseInsensitive: true, escapes: true }),
            value: parseGlob(p.value ?? '', { caseInsensitive: true, escapes: true }),
          })),
          text: pairs.map((p) => `${p.key ?? '*'}=${p.value ?? ''}`).join(', '),
        });
        break;
      }
      default: {
        // A new condition field must be taught to the analysis, or shadowing claims would ignore it.
        const unhandled: never = kind;
        throw new Error(`unhandled condition field ${String(unhandled)}`);
      }
    }
  }
  return { host, path, method, source, headers, queries };
}

/** Glob values as globs; regex values (or a mix) as an opaque constraint keyed by their text. */
function patterns(condition: ConditionModel, caseInsensitive: boolean): PatternConstraint {
  const values = condition.values.map((v) => v.value);
  const regexes = condition.regexValues.map((v) => v.value);
  // No values at all matches nothing (and AWS refuses it); unreadable values say nothing.
  if (values.length + regexes.length === 0 || values.some((v) => v === undefined) || regexes.some((v) => v === undefined)) return { kind: 'opaque', text: undefined, values: [], regexes: [] };
  if (regexes.length > 0) return { kind: 'opaque', text: `${values.join('\n')}\n/${regexes.join('\n')}`, values: values as string[], regexes: regexes as string[] };
  const written = values as string[];
  return { kind: 'globs', globs: written.map((v) => parseGlob(v, { caseInsensitive })), text: written.map((v) => JSON.stringify(v)).join(', ') };
}
