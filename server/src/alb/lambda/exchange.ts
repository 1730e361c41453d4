import type { RouteTrace } from '../routing/route';
import { buildAlbEvent, type AlbLambdaEvent, type ForwardedRequest, type LambdaTargetGroup, type TraceIdSource } from './event';
import type { TargetAnswer } from './limits';
import { answerFromInvoke, type InvokeOutcome } from './response';

/** One invoke as the runtime reports it: the outcome ALB converts, and the figures people want to see. */
export interface InvokeRecord extends InvokeOutcome {
  readonly requestId: string;
  readonly durationMs: number;
}

/** A request's round trip through a Lambda target: the event sent, the function's answer, and what the client gets. */
export interface LambdaExchange {
  /** Undefined when ALB answered without invoking (a body over 1 MB). */
  readonly event: AlbLambdaEvent | undefined;
  readonly invoke: InvokeRecord | undefined;
  readonly answer: TargetAnswer;
}

/** The target group a routed request goes to, and the request it receives; undefined unless the outcome is a forward. */
export function forwardedTarget(trace: RouteTrace): { readonly arn: string; readonly forwarded: ForwardedRequest } | undefined {
  const outcome = trace.outcome;
  if (outcome.kind !== 'forward' || outcome.chosen === undefined) return undefined;
  return { arn: outcome.chosen, forwarded: outcome.forwarded };
}

/**
 * Sends the routed request to a Lambda target as ALB does: builds the event,
 * invokes (the caller runs the function: the CLI or the extension host, never
 * the language server) and converts the result into the client's response.
 */
export async function exchangeWithLambda(
  trace: RouteTrace,
  forwarded: ForwardedRequest,
  group: LambdaTargetGroup,
  invoke: (payload: string) => Promise<InvokeRecord>,
  newTraceId: TraceIdSource,
): Promise<LambdaExchange> {
  const built = buildAlbEvent(trace.request, forwarded, group, newTraceId);
  if (built.kind === 'rejected') return { event: undefined, invoke: undefined, answer: built.answer };
  const record = await invoke(JSON.stringify(built.event));
  return { event: built.event, invoke: record, answer: answerFromInvoke(record, group.multiValueHeaders) };
}
