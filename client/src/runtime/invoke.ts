import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { InvokeResult } from '../../../server/src/runtime/local-function';
import type { WorkbenchContext } from '../context';
import { describeChoice, loadEvent, pickEvent, rememberedEvent, rememberEvent, type EventChoice } from './event-choice';
import { readFunctionSettings } from './function-settings';
import { notifyError } from './result-view';
import { requireTrust, resolveTarget, type HandlerArgs } from './targets';

/**
 * "Invoke handler": runs the handler in a local execution environment with
 * its remembered event (asking the first time), shows the result as JSON and
 * streams the log. Resolves to the result, or undefined when nothing ran.
 */
export async function invokeHandler(context: WorkbenchContext, args?: HandlerArgs): Promise<InvokeResult | undefined> {
  if (!requireTrust('Invoking a handler')) return undefined;
  const target = await resolveTarget(args);
  if (!target) return undefined;
  const resolved = readFunctionSettings(target);
  for (const problem of resolved.problems) context.output.warn(`Settings for ${target.handler}: ${problem}`);

  const state = context.extension.workspaceState;
  let choice: EventChoice | undefined = args?.event ? { kind: 'file', path: args.event } : rememberedEvent(state, target);
  if (!choice && resolved.settings.event) choice = { kind: 'file', path: resolved.settings.event };
  choice ??= await pickEvent(state, target);
  if (!choice) return undefined;
  await rememberEvent(state, target, choice);

  let event: Awaited<ReturnType<typeof loadEvent>>;
  try {
    event = await loadEvent(choice, target.root);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read the event ${describeChoice(choice, target.root)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if ('problem' in event) {
    const { line, column, message } = event.problem;
    const position = new vscode.Position(line - 1, column - 1);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(event.path)}:${line}:${column}: ${message}`);
    await vscode.window.showTextDocument(vscode.Uri.file(event.path), { selection: new vscode.Range(position, position) });
    return undefined;
  }

  const runtimes = context.runtime.functions;
  const fn = runtimes.functionFor(target, resolved);
  runtimes.channel.show(true);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `$(play) ${target.handler}` },
    () => fn.invoke({ payload: event.payload }),
  );
  const resultDocument = await context.runtime.results.show(target, result);
  // With a CloudFront event, CloudFront's verdict on the result, marked on the result document.
  context.edge.afterInvoke(resultDocument.uri, context.runtime.results.provideTextDocumentContent(resultDocument.uri), event.payload, result, {
    timeoutSeconds: resolved.settings.timeout,
    memoryMB: resolved.settings.memorySize,
    environment: resolved.environment,
  });
  if (result.status !== 'success') {
    const bootstrapDir = dirname(context.extension.asAbsolutePath('dist/runtime-bootstrap.js'));
    void notifyError(target, result, (file) => file.startsWith(bootstrapDir), runtimes.channel);
  }
  return result;
}

/** "Choose event…": picks the event for a handler and remembers it, without invoking. */
export async function chooseEvent(context: WorkbenchContext, args?: HandlerArgs): Promise<void> {
  const target = await resolveTarget(args);
  if (!target) return;
  const choice = await pickEvent(context.extension.workspaceState, target);
  if (!choice) return;
  await rememberEvent(context.extension.workspaceState, target, choice);
  context.runtime.lenses?.refresh();
}
