import type { Glob } from '../patterns/glob';
import type { CompiledCondition, CompiledRule } from './compiled-condition';
import type { PreparedRequest } from './prepared';

/**
 * Which rules a request can possibly match, found without trying them all:
 * a rule whose host-header values are all exact names can only match those
 * hosts, and one whose path patterns all begin with a fixed first segment
 * (`/api/…`) only paths in it. Such a rule is filed under its names or
 * segments; the others are tried for every request. Skipping a filed rule
 * is exact: one of its conditions misses (or cannot be decided, and such a
 * rule is passed over anyway).
 */
export interface RuleIndex {
  /** Rules filed under no key, by evaluation order. */
  readonly always: readonly number[];
  readonly byHost: ReadonlyMap<string, readonly number[]>;
  readonly byPathSegment: ReadonlyMap<string, readonly number[]>;
}

type Gate = { readonly kind: 'host'; readonly keys: readonly string[] } | { readonly kind: 'path'; readonly keys: readonly string[] };

export function indexRules(rules: readonly CompiledRule[]): RuleIndex {
  const always: number[] = [];
  const byHost = new Map<string, number[]>();
  const byPathSegment = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    const gate = gateOf(rule.conditions);
    if (!gate) return always.push(index);
    const map = gate.kind === 'host' ? byHost : byPathSegment;
    for (const key of new Set(gate.keys)) {
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    }
    return undefined;
  });
  return { always, byHost, byPathSegment };
}

function gateOf(conditions: readonly CompiledCondition[]): Gate | undefined {
  let path: Gate | undefined;
  for (const c of conditions) {
    if (c.kind === 'host-header' && c.values.regexes.length === 0 && c.values.wildcards.length === 0 && c.values.exact.size > 0) {
      return { kind: 'host', keys: [...c.values.exact.keys()] };
    }
    if (c.kind === 'path-pattern' && !path && c.values.regexes.length === 0 && c.values.globs.length > 0) {
      const keys = c.values.globs.map(firstSegment);
      if (keys.every((k): k is string => k !== undefined)) path = { kind: 'path', keys };
    }
  }
  return path;
}

/** "/api/" for a glob written "/api/v1/*": the fixed text up to the second "/", when the glob fixes it. */
function firstSegment(glob: Glob): string | undefined {
  let text = '';
  for (const token of glob.tokens) {
    if (token.kind !== 'char') return undefined;
    text += token.char;
    if (text.length > 1 && token.char === '/') return text.startsWith('/') ? text : undefined;
  }
  return undefined;
}

/** The request's own segment key: its path up to the second "/" ("/api/v1/x" → "/api/"). */
function requestSegment(path: string): string | undefined {
  const second = path.indexOf('/', 1);
  return path.startsWith('/') && second > 0 ? path.slice(0, second + 1) : undefined;
}

const none: readonly number[] = [];

/** The rules worth trying for a request, in evaluation order. */
export function candidates(index: RuleIndex, request: PreparedRequest): readonly number[] {
  const host = index.byHost.size ? (index.byHost.get(request.hostValues.folded[0] ?? '') ?? none) : none;
  const segment = index.byPathSegment.size ? requestSegment(request.pathValues[0] ?? '') : undefined;
  const path = segment === undefined ? none : (index.byPathSegment.get(segment) ?? none);
  if (host.length === 0 && path.length === 0) return index.always;
  return merge(merge(index.always, host), path);
}

function merge(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    if (x <= y) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
