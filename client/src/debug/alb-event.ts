import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { lambdaTargetEvent } from '../../../server/src/alb/routing/lambda-event';
import { requestLine } from '../../../server/src/alb/routing/request';
import { albSimulateRequest, type AlbSimulateParams, type AlbSimulateResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import type { PlannedEvent } from './launch-config';

/** The ALB variant of a launch configuration's event. */
export type AlbPlannedEvent = Extract<PlannedEvent, { kind: 'alb' }>;

/**
 * Routes the configured request through the rules file as currently typed,
 * with the language server's ALB engine (as the Simulate preview does), and
 * gives the event that the forwarding rule's Lambda target receives, with a
 * one-line account of the route for the log; or why no function is invoked.
 */
export async function albTargetEvent(context: WorkbenchContext, planned: AlbPlannedEvent): Promise<{ payload: string; route: string } | { problem: string }> {
  const client = context.languageClient;
  if (!client) return { problem: 'the Lambda Workbench language server is not running (see Lambda Workbench: Show Output)' };
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
  const invoke = lambdaTargetEvent(simulation.trace, { multiValueHeaders: planned.multiValueHeaders, traceId: albTraceId(), ...(planned.body !== undefined ? { body: planned.body } : {}) });
  if ('problem' in invoke) return invoke;
  return { payload: JSON.stringify(invoke.event), route: `${requestLine(simulation.trace.request)} → ${invoke.rule} → ${invoke.targetGroupArn}` };
}

/** An `X-Amzn-Trace-Id` as the load balancer adds it: `Root=1-<8 hex seconds>-<24 hex>`. */
function albTraceId(now: number = Date.now()): string {
  return `Root=1-${Math.floor(now / 1000).toString(16).padStart(8, '0')}-${randomBytes(12).toString('hex')}`;
}
