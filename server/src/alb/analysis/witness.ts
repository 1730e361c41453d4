import { commonString, type GlobUnion } from '../patterns/automaton';
import { formatIp, type Cidr } from '../../network/ip';
import { matchGlob, parseGlob } from '../patterns/glob';
import { compileAwsRegex } from '../patterns/regex';
import type { RequestInput } from '../routing/request';
import { pathDomain } from './inclusion';
import type { PatternConstraint, RuleSpace } from './space';

/**
 * A concrete request inside every one of the given rule spaces, if one can
 * be written down: the shortest strings the automata find, preferring
 * familiar ones (`example.com`, `/`, `GET`). Callers check it against the
 * routing engine before they claim anything with it.
 */
export function witnessRequest(spaces: readonly RuleSpace[], scheme: 'http' | 'https' = 'https'): RequestInput | undefined {
  const host = commonValue(spaces.map((s) => s.host), [], ['example.com', 'www.example.com', 'api.example.com']);
  const path = commonValue(spaces.map((s) => s.path), pathDomain, ['/', '/index.html']);
  const method = commonMethod(spaces);
  const sourceIp = commonSource(spaces);
  const headers = headerLines(spaces);
  const query = queryText(spaces);
  if (host === undefined || path === undefined || method === undefined || sourceIp === null || headers === undefined || query === undefined) return undefined;
  if (host === '' || /[/?#@\s]/.test(host) || /[?#\s]/.test(path)) return undefined;
  return { method, url: `${scheme}://${host}${path}${query ? `?${query}` : ''}`, headers, ...(sourceIp ? { sourceIp } : {}) };
}

/** A string every constraint accepts; undefined when none is found. */
function commonValue(constraints: readonly PatternConstraint[], domain: GlobUnion, preferred: readonly string[]): string | undefined {
  const unions: GlobUnion[] = [];
  const opaque: Array<(s: string) => boolean> = [];
  for (const c of constraints) {
    if (c.kind === 'globs') unions.push(c.globs);
    else if (c.kind === 'opaque') {
      if (c.text === undefined) return undefined;
      const globs = c.values.map((v) => parseGlob(v, { caseInsensitive: true }));
      const regexes = c.regexes.map(compileAwsRegex).flatMap((r) => ('regex' in r ? [r.regex] : []));
      if (regexes.length < c.regexes.length) return undefined;
      opaque.push((s) => globs.some((g) => matchGlob(g, s)) || regexes.some((r) => r.test(s)));
    }
  }
  const accepts = (s: string) => unions.every((u) => u.some((g) => matchGlob(g, s))) && domain.every((g) => matchGlob(g, s)) && opaque.every((test) => test(s));
  const familiar = preferred.find(accepts);
  if (familiar !== undefined) return familiar;
  const found = commonString([...unions, domain]);
  return found.kind === 'found' && accepts(found.example) ? found.example : undefined;
}

function commonMethod(spaces: readonly RuleSpace[]): string | undefined {
  let allowed: Set<string> | undefined;
  for (const { method } of spaces) {
    if (method.kind === 'opaque') return undefined;
    if (method.kind === 'set') allowed = new Set([...method.methods].filter((m) => !allowed || allowed.has(m)));
  }
  if (!allowed) return 'GET';
  return allowed.has('GET') ? 'GET' : [...allowed][0];
}

/** An address in every source constraint: undefined when none constrains it, null when there is none. */
function commonSource(spaces: readonly RuleSpace[]): string | undefined | null {
  const sets: Array<readonly Cidr[]> = [];
  for (const { source } of spaces) {
    if (source.kind === 'opaque') return null;
    if (source.kind === 'cidrs') sets.push(source.cidrs);
  }
  if (sets.length === 0) return undefined;
  // CIDR blocks nest or are disjoint, so a non-empty intersection holds the start of one of them.
  for (const block of sets.flat()) {
    if (sets.every((set) => set.some((c) => c.family === block.family && c.start <= block.start && block.start <= c.end))) {
      return formatIp({ family: block.family, value: block.start });
    }
  }
  return null;
}

/** One header line per header name when one value satisfies all its conditions, else one per condition. */
function headerLines(spaces: readonly RuleSpace[]): string[] | undefined {
  const byName = new Map<string, PatternConstraint[]>();
  for (const space of spaces) for (const h of space.headers) byName.set(h.name, [...(byName.get(h.name) ?? []), h.values]);
  const lines: string[] = [];
  for (const [name, constraints] of byName) {
    const together = commonValue(constraints, [], ['yes', 'true', '1']);
    if (together !== undefined) {
      lines.push(`${name}: ${together}`);
      continue;
    }
    for (const c of constraints) {
      const alone = commonValue([c], [], ['yes']);
      if (alone === undefined) return undefined;
      lines.push(`${name}: ${alone}`);
    }
  }
  return lines.every((line) => !/[\r\n]/.test(line)) ? lines : undefined;
}

/** One key=value pair per query condition, from its first pair. */
function queryText(spaces: readonly RuleSpace[]): string | undefined {
  const parts: string[] = [];
  for (const space of spaces) {
    for (const query of space.queries) {
      const pair = query.pairs[0];
      if (!pair) return undefined;
      const key = pair.key ? commonValue([{ kind: 'globs', globs: [pair.key], text: '' }], [], ['k']) : 'k';
      const value = commonValue([{ kind: 'globs', globs: [pair.value], text: '' }], [], ['v']);
      if (key === undefined || value === undefined || /[&=#\s]/.test(key + value)) return undefined;
      parts.push(`${key}=${value}`);
    }
  }
  return parts.join('&');
}
