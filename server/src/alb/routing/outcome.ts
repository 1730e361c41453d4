import type { TextRange } from '../../language/finding';
import { finalActionTypes, type ActionModel, type Located, type RedirectConfigModel, type RuleModel, type TemplateTargetGroup } from '../model/types';
import { compileAwsRegex } from '../patterns/regex';
import { hostName, type AlbRequest, type HeaderLine } from './request';

/** One target group of a forward, with its share of the traffic. */
export interface TargetShare {
  /** The ARN as written; the logical id for a CloudFormation `Ref`. */
  readonly arn: string;
  /** The template's target group a `Ref` names, when it is in the template. */
  readonly resource?: TemplateTargetGroup;
  readonly weight: number;
  /** Fraction of requests it receives, 0 to 1. */
  readonly share: number;
  readonly range: TextRange;
}

/** What the load balancer does with the request once a rule is chosen. */
export type Outcome =
  | {
      readonly kind: 'forward';
      readonly targetGroups: readonly TargetShare[];
      /** The group this request goes to: picked by weight, by a hash of the request, so it is stable. */
      readonly chosen: string | undefined;
      readonly stickinessSeconds: number | undefined;
      /** The request the target receives, after the rule's transforms. */
      readonly forwarded: { readonly host: string; readonly path: string; readonly query: string };
      readonly range: TextRange;
    }
  | { readonly kind: 'redirect'; readonly status: 301 | 302; readonly location: string; readonly range: TextRange }
  | { readonly kind: 'fixed-response'; readonly status: number; readonly contentType: string | undefined; readonly body: string; readonly range: TextRange }
  | { readonly kind: 'none'; readonly reason: string };

/** The HTTP response the client gets, when the load balancer itself answers. */
export interface SimulatedResponse {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  readonly body: string;
}

/** Performs the chosen rule's actions in Order; returns the outcome and notes on what was assumed. */
export function perform(rule: RuleModel, request: AlbRequest, resources?: ReadonlyMap<string, TemplateTargetGroup>): { outcome: Outcome; notes: string[] } {
  const notes: string[] = [];
  const actions = [...(rule.actions?.items ?? [])].sort((a, b) => (a.order?.value ?? 0) - (b.order?.value ?? 0));
  for (const action of actions) {
    if (action.kind && !finalActionTypes.has(action.kind)) notes.push(`${action.kind} runs first; the simulator assumes the client passes it.`);
  }
  const final = actions.find((a) => a.kind && finalActionTypes.has(a.kind));
  if (!final) return { outcome: { kind: 'none', reason: `${rule.label} has no forward, redirect or fixed-response action` }, notes };
  return { outcome: finalOutcome(final, rule, request, notes, resources), notes };
}

function finalOutcome(action: ActionModel, rule: RuleModel, request: AlbRequest, notes: string[], resources: ReadonlyMap<string, TemplateTargetGroup> | undefined): Outcome {
  if (action.kind === 'redirect') {
    if (!action.redirect) return { kind: 'none', reason: 'the redirect has no RedirectConfig' };
    const location = redirectLocation(action.redirect, request);
    if (location === undefined) return { kind: 'none', reason: 'the redirect uses values this document does not spell out' };
    return { kind: 'redirect', status: action.redirect.statusCode?.value === 'HTTP_302' ? 302 : 301, location, range: action.range };
  }
  if (action.kind === 'fixed-response') {
    const config = action.fixedResponse;
    const status = Number(config?.statusCode?.value);
    if (!config || !Number.isInteger(status)) return { kind: 'none', reason: 'the fixed response has no status code' };
    return { kind: 'fixed-response', status, contentType: config.contentType?.value, body: config.messageBody?.value ?? '', range: action.range };
  }
  const groups = forwardGroups(action, notes, resources);
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const targetGroups = groups.map((g) => ({ ...g, share: total > 0 ? g.weight / total : 0 }));
  if (total === 0 && groups.length > 0) notes.push('Every target group has weight 0, so none receives this request.');
  const sticky = action.forward?.stickiness;
  return {
    kind: 'forward',
    targetGroups,
    chosen: pickByWeight(targetGroups, total, request),
    stickinessSeconds: sticky?.enabled?.value === true ? sticky.duration?.value : undefined,
    forwarded: transform(rule, request, notes),
    range: action.range,
  };
}

function forwardGroups(action: ActionModel, notes: string[], resources: ReadonlyMap<string, TemplateTargetGroup> | undefined): Array<Omit<TargetShare, 'share'>> {
  const named = (arn: Located<string>, ref: string | undefined) => {
    const resource = ref === undefined ? undefined : resources?.get(ref);
    return { arn: arn.value ?? ref ?? '(an expression)', ...(resource ? { resource } : {}) };
  };
  const configured = action.forward?.targetGroups ?? [];
  if (configured.length === 0) {
    const arn = action.targetGroupArn;
    return arn ? [{ ...named(arn, action.targetGroupRef), weight: 1, range: arn.range }] : [];
  }
  return configured.map((group) => {
    const name = group.arn ? named(group.arn, group.ref) : { arn: '(an expression)' };
    if (!group.weight) notes.push(`${group.arn?.value ?? group.ref ?? 'A target group'} has no Weight; counted as 1.`);
    return { ...name, weight: group.weight?.value ?? 1, range: group.range };
  });
}

/** FNV-1a of the request line, so the same request always lands on the same group. */
function pickByWeight(groups: readonly TargetShare[], total: number, request: AlbRequest): string | undefined {
  if (total <= 0) return undefined;
  let hash = 0x811c9dc5;
  for (const c of `${request.method} ${request.host}${request.path}?${request.query}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  let point = hash % total;
  for (const group of groups) {
    if (point < group.weight) return group.arn;
    point -= group.weight;
  }
  return groups.at(-1)?.arn;
}

/**
 * The redirect's Location: each component from the config or kept from the
 * request, placeholders filled in (`#{path}` without its leading "/"). ALB
 * writes the port even when it is the default.
 */
export function redirectLocation(config: RedirectConfigModel, request: AlbRequest): string | undefined {
  const values: Record<string, string> = {
    '#{protocol}': request.scheme,
    '#{host}': hostName(request.host),
    '#{port}': String(request.port),
    '#{path}': request.path.replace(/^\//, ''),
    '#{query}': request.query,
  };
  const fill = (item: { value: string | undefined } | undefined, fallback: string) => {
    if (item && item.value === undefined) return undefined;
    return (item?.value ?? fallback).replace(/#\{(protocol|host|port|path|query)\}/g, (placeholder) => values[placeholder] ?? placeholder);
  };
  const protocol = fill(config.protocol, '#{protocol}')?.toLowerCase();
  const host = fill(config.host, '#{host}');
  const port = fill(config.port, '#{port}');
  const path = fill(config.path, '/#{path}');
  const query = fill(config.query, '#{query}');
  if (protocol === undefined || host === undefined || port === undefined || path === undefined || query === undefined) return undefined;
  return `${protocol}://${host}:${port}${path}${query ? `?${query}` : ''}`;
}

/** The rule's host-header and URL rewrites, applied after the routing decision. */
function transform(rule: RuleModel, request: AlbRequest, notes: string[]): { host: string; path: string; query: string } {
  let host = request.host;
  let url = request.query ? `${request.path}?${request.query}` : request.path;
  for (const t of rule.transforms?.items ?? []) {
    for (const rewrite of t.rewrites) {
      const source = rewrite.regex?.value;
      const replacement = rewrite.replace?.value;
      const compiled = source === undefined ? undefined : compileAwsRegex(source);
      if (!compiled || 'error' in compiled || replacement === undefined) {
        notes.push(`A ${t.kind ?? ''} rewrite could not be simulated.`);
        continue;
      }
      const subject = t.kind === 'host-header-rewrite' ? host : url;
      if (!compiled.regex.test(subject)) continue;
      const rewritten = subject.replace(compiled.regex, replacement);
      notes.push(`${t.kind ?? ''}: ${JSON.stringify(subject)} → ${JSON.stringify(rewritten)}`);
      if (t.kind === 'host-header-rewrite') host = rewritten;
      else url = rewritten;
      break;
    }
  }
  const q = url.indexOf('?');
  return { host, path: q < 0 ? url : url.slice(0, q), query: q < 0 ? '' : url.slice(q + 1) };
}

/** The response the load balancer sends itself (redirects and fixed responses); forwards are answered by the target. */
export function responseOf(outcome: Outcome): SimulatedResponse | undefined {
  if (outcome.kind === 'redirect') return { status: outcome.status, headers: [{ name: 'Location', value: outcome.location }], body: '' };
  if (outcome.kind === 'fixed-response') {
    const headers = outcome.contentType ? [{ name: 'Content-Type', value: outcome.contentType }] : [];
    return { status: outcome.status, headers, body: outcome.body };
  }
  return undefined;
}
