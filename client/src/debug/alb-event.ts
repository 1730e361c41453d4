import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { exchangeWithLambda, forwardedTarget, type ForwardedTarget, type InvokeRecord, type LambdaExchange, type ResolvedTargetGroup, type RouteTrace, targetGroupFor, traceIdAt } from '../../../server/src/alb';
import { albSimulateRequest, type AlbSimulateParams, type AlbSimulateResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { notForwardedReason } from './alb-route';
import type { PlannedEvent } from './launch-config';

/** The ALB variant of a launch configuration's event. */
export type AlbPlannedEvent = Extract<PlannedEvent, { kind: 'alb' }>;

/** A request routed to a Lambda target: the trace, where it was forwarded, and the target group as the function sees it. */
export interface AlbRoute {
  readonly trace: RouteTrace;
  readonly target: ForwardedTarget;
  readonly group: ResolvedTargetGroup;
}

/**
 * Routes the configured request through the rules file as currently typed,
 * with the language server's ALB engine (as the Simulate preview does); the
 * forwarding rule's target group is played by the configuration's handler.
 * Gives why no function is invoked when the rules answer themselves.
 */
export async function routeThroughAlb(context: WorkbenchContext, planned: AlbPlannedEvent, handler: string): Promise<AlbRoute | { problem: string }> {
  const client = context.languageClient;
  if (!client) return { problem: 'the Lambda Workbench language server is not running (see Lambda Workbench: Show output)' };
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(planned.rules));
  const config = vscode.workspace.getConfiguration('lambdaWorkbench.alb', document.uri);
  const params: AlbSimulateParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    request: planned.request,
    options: { hostHeaderPort: config.get('hostHeaderPort'), percentDecode: config.get('percentDecode') },
    ...(planned.listener !== undefined ? { listener: planned.listener } : {}),
  };
  const result = await client.sendRequest<AlbSimulateResult>(albSimulateRequest, params);
  if ('requestProblem' in result) return { problem: result.requestProblem.message };
  const simulation = result.simulation;
  if (simulation.kind === 'problem') return { problem: `${vscode.workspace.asRelativePath(document.uri)}: ${simulation.message}` };
  const trace = simulation.trace;
  const target = forwardedTarget(trace);
  if (!target) return { problem: notForwardedReason(trace) ?? 'the load balancer invokes no function' };
  const group = targetGroupFor(target, { handler, ...(planned.multiValueHeaders !== undefined ? { multiValueHeaders: planned.multiValueHeaders } : {}) });
  return { trace, target, group };
}

/** Sends the routed request to the function as ALB does (`invoke` runs it) and converts its result into the client's response. */
export function exchangeThroughAlb(route: AlbRoute, invoke: (payload: string) => Promise<InvokeRecord>): Promise<LambdaExchange> {
  return exchangeWithLambda(route.trace, route.target.forwarded, route.group, invoke, () => traceIdAt(Date.now() / 1000, randomBytes(12).toString('hex')));
}
