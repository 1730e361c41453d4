import type { SourceDocument } from '../document/model';
import type { Classification } from '../language/classify';
import type { TextRange } from '../language/finding';
import { readAlbRegion } from './model/read';
import type { ListenerModel } from './model/types';
import type { RoutingOptions } from './routing/options';
import type { AlbRequest } from './routing/request';
import { routeRequest, type RouteTrace } from './routing/route';

/** A listener the document describes, as offered to choose from. */
export interface ListenerChoice {
  readonly label: string;
  readonly range: TextRange;
  readonly protocol: string | undefined;
  readonly port: number | undefined;
  readonly rules: number;
}

export type Simulation =
  | { readonly kind: 'trace'; readonly trace: RouteTrace; readonly listeners: readonly ListenerChoice[]; readonly listener: number }
  | { readonly kind: 'problem'; readonly message: string };

/** Every listener of the document's ALB regions. */
export function listenersOf(parsed: { readonly classification: Classification }): ListenerModel[] {
  return parsed.classification.regions.filter((r) => r.kind === 'alb-config').flatMap((r) => [...readAlbRegion(r).listeners]);
}

/**
 * Routes a request through the rules of a parsed document, as currently
 * written. Without an explicit listener, the one whose protocol and port fit
 * the request is taken; otherwise the first.
 */
export function simulate(
  parsed: { readonly document: SourceDocument; readonly classification: Classification },
  request: AlbRequest,
  options: RoutingOptions,
  listenerIndex?: number,
): Simulation {
  if (!parsed.document.root) return { kind: 'problem', message: 'the document is empty' };
  const listeners = listenersOf(parsed);
  if (listeners.length === 0) return { kind: 'problem', message: 'this document holds no ALB listener rules (describe-rules output, a create-rule input, a listener or a CloudFormation template)' };
  if (listenerIndex !== undefined && !listeners[listenerIndex]) return { kind: 'problem', message: `there is no listener ${listenerIndex + 1}; the document has ${listeners.length}` };
  const index = listenerIndex ?? bestListener(listeners, request);
  const listener = listeners[index] as ListenerModel;
  return {
    kind: 'trace',
    trace: routeRequest(listener, request, options),
    listeners: listeners.map((l) => ({ label: l.label, range: l.range, protocol: l.protocol?.value, port: l.port?.value, rules: l.rules.length + (l.defaultRule ? 1 : 0) })),
    listener: index,
  };
}

/** The listener whose protocol and port fit the request (the port decides first); else the first. */
export function bestListener(listeners: readonly ListenerModel[], request: AlbRequest): number {
  const fits = (l: ListenerModel) =>
    (l.port?.value === undefined || l.port.value === request.port) && (l.protocol?.value === undefined || l.protocol.value.toLowerCase() === request.scheme);
  const exact = listeners.findIndex((l) => l.port?.value === request.port && fits(l));
  if (exact >= 0) return exact;
  const loose = listeners.findIndex(fits);
  return loose >= 0 ? loose : 0;
}
