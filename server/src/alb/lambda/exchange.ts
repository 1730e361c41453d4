import { dirname, resolve } from 'node:path';
import type { TemplateTargetGroup } from '../model/types';
import type { RouteTrace } from '../routing/route';
import { buildAlbEvent, type AlbLambdaEvent, type ForwardedRequest, type LambdaTargetGroup, type TraceIdSource } from './event';
import type { TargetAnswer } from './limits';
import { answerFromInvoke, type InvokeOutcome } from './response';
import { mappingFor, type TargetGroupMapping, type TargetGroupTable } from './target-groups';

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

/** The target group a routed request goes to, and the request it receives. */
export interface ForwardedTarget {
  /** As written: an ARN, or the logical id of a CloudFormation `Ref`. */
  readonly arn: string;
  readonly resource: TemplateTargetGroup | undefined;
  readonly forwarded: ForwardedRequest;
}

/** Where a request is forwarded; undefined unless the outcome is a forward to a target group. */
export function forwardedTarget(trace: RouteTrace): ForwardedTarget | undefined {
  const outcome = trace.outcome;
  if (outcome.kind !== 'forward' || outcome.chosen === undefined) return undefined;
  const share = outcome.targetGroups.find((g) => g.arn === outcome.chosen);
  return { arn: outcome.chosen, resource: share?.resource, forwarded: outcome.forwarded };
}

/** The mapping of a forwarded target group: by its ARN or logical id, its name (from the ARN or the template), or `*`. */
export function mappingForTarget(table: TargetGroupTable, target: ForwardedTarget): { readonly key: string; readonly mapping: TargetGroupMapping } | undefined {
  return mappingFor(table, target.arn, target.resource?.name !== undefined ? [target.resource.name] : []);
}

/**
 * The template's own function for a forwarded `lambda` target group (a SAM
 * or CloudFormation function with `CodeUri`, a local `Code` path or a CDK
 * asset): its handler, and the folder it runs in (`LAMBDA_TASK_ROOT`).
 */
export function templateFunctionFor(target: ForwardedTarget, templateFile: string): { readonly handler: string; readonly root: string; readonly logicalId: string } | undefined {
  const fn = target.resource?.lambdaFunction;
  return fn ? { handler: fn.handler, root: resolve(dirname(templateFile), fn.codePath), logicalId: fn.logicalId } : undefined;
}

/** The target group as the function sees it, and where its multi-value setting came from. */
export interface ResolvedTargetGroup extends LambdaTargetGroup {
  readonly multiValueFrom: 'mapping' | 'template' | 'default';
}

/**
 * The target group's ARN as the event carries it (for a template's `Ref`, a
 * stand-in ARN with the group's name or logical id) and its multi-value
 * setting: the mapping's, else the template's `TargetGroupAttributes`, else off.
 */
export function targetGroupFor(target: ForwardedTarget, mapping: TargetGroupMapping): ResolvedTargetGroup {
  const arn = target.arn.startsWith('arn:') ? target.arn : `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${target.resource?.name ?? target.arn}/0000000000000000`;
  if (mapping.multiValueHeaders !== undefined) return { arn, multiValueHeaders: mapping.multiValueHeaders, multiValueFrom: 'mapping' };
  if (target.resource?.multiValueHeaders !== undefined) return { arn, multiValueHeaders: target.resource.multiValueHeaders, multiValueFrom: 'template' };
  return { arn, multiValueHeaders: false, multiValueFrom: 'default' };
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
