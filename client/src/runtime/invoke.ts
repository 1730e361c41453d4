import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { InvokeResult, LocalFunction, StreamedResponse } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { eventShapesRequest, type EventShapesParams, type EventShapesResult } from '../../../server/src/lsp/protocol';
import { describeChoice, loadEvent, pickEvent, rememberedEvent, rememberEvent, type EventChoice, type EventShapes } from './event-choice';
import { describeTemplateFunction, functionSettingsFor, type LayeredFunctionSettings } from './function-settings';
import { notifyError } from './result-view';
import { type FunctionTarget, requireTrust, resolveTarget, type HandlerArgs } from './targets';

/**
 * "Invoke handler": runs the handler in a local execution environment with
 * its remembered event (asking the first time), shows the result as JSON and
 * streams the log. Resolves to the result, or undefined when nothing ran.
 */
export async function invokeHandler(context: WorkbenchContext, args?: HandlerArgs): Promise<InvokeResult | undefined> {
  if (!requireTrust('Invoking a handler')) return undefined;
  const target = await resolveTarget(args);
  if (!target) return undefined;
  const resolved = await functionSettingsFor(target);
  for (const problem of resolved.problems) context.output.warn(`Settings for ${target.handler}: ${problem}`);
  const [blocking] = resolved.invokeProblems;
  if (blocking !== undefined) {
    void vscode.window.showErrorMessage(`Cannot invoke ${target.template?.layer.functionId ?? target.handler}: ${blocking}`);
    return undefined;
  }
  const from = describeTemplateFunction(resolved.template);
  if (from) context.runtime.functions.channel.appendLine(`${target.handler}: settings of ${from}`);

  const choice = await eventChoiceFor(context, target, resolved, args?.event);
  if (!choice) return undefined;
  const payload = await readEvent(choice, target.root);
  if (payload === undefined) return undefined;

  const runtimes = context.runtime.functions;
  let fn: LocalFunction;
  try {
    fn = runtimes.functionFor(target, resolved);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot invoke ${target.handler}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  runtimes.channel.show(true);
  const partial = new PartialStream((streamed) => void context.runtime.results.showPartial(target, streamed, resolved.template));
  let result: InvokeResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `$(play) ${target.handler}` }, () =>
      fn.invoke({ payload, onStreamChunk: (chunk, contentType) => partial.add(chunk, contentType), ...(resolved.settings.tenantId !== undefined ? { tenantId: resolved.settings.tenantId } : {}) }),
    );
  } finally {
    partial.stop();
  }
  await showOutcome(context, target, result, payload, resolved);
  return result;
}

/** A streamed response as it arrives, shown at most every 50 ms (a handler may write thousands of small chunks). */
class PartialStream {
  private readonly chunks: Buffer[] = [];
  private contentType = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly show: (streamed: StreamedResponse) => void) {}

  add(chunk: Buffer, contentType: string): void {
    this.chunks.push(chunk);
    this.contentType = contentType;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.show({ contentType: this.contentType, body: Buffer.concat(this.chunks) });
    }, 50);
  }

  /** The whole result is about to be shown: no partial view after it. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The language server's filter for the event picker; none while the server is not running. */
function serverEventShapes(context: WorkbenchContext): EventShapes {
  return async (texts) => {
    const client = context.languageClient;
    if (!client) return undefined;
    try {
      const params: EventShapesParams = { texts };
      return (await client.sendRequest<EventShapesResult>(eventShapesRequest, params)).eventShaped;
    } catch (error) {
      context.output.warn(`Event picker: the language server could not sort the workspace's JSON files (${String(error)}); all are offered`);
      return undefined;
    }
  };
}

/** The event for a handler: the one given, else the remembered one, else its `event` setting, else asks; remembers the answer. */
export async function eventChoiceFor(context: WorkbenchContext, target: FunctionTarget, resolved: LayeredFunctionSettings, given?: string): Promise<EventChoice | undefined> {
  const state = context.extension.workspaceState;
  let choice: EventChoice | undefined = given ? { kind: 'file', path: given } : rememberedEvent(state, target);
  if (!choice && resolved.settings.event) choice = { kind: 'file', path: resolved.settings.event };
  choice ??= await pickEvent(state, target, serverEventShapes(context));
  if (choice) await rememberEvent(state, target, choice);
  return choice;
}

/** The event's JSON text; when it cannot be read or is not JSON, says so (opening the file at the error) and gives undefined. */
export async function readEvent(choice: EventChoice, root: string): Promise<string | undefined> {
  let event: Awaited<ReturnType<typeof loadEvent>>;
  try {
    event = await loadEvent(choice, root);
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read the event ${describeChoice(choice, root)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if ('problem' in event) {
    const { line, column, message } = event.problem;
    const position = new vscode.Position(line - 1, column - 1);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(event.path)}:${line}:${column}: ${message}`);
    await vscode.window.showTextDocument(vscode.Uri.file(event.path), { selection: new vscode.Range(position, position) });
    return undefined;
  }
  return event.payload;
}

/**
 * Shows an invoke's result as JSON beside the editor; with a CloudFront event,
 * CloudFront's verdict on it, marked on the result document; for a function
 * error, a notification pointing at the user's frame.
 */
export async function showOutcome(context: WorkbenchContext, target: FunctionTarget, result: InvokeResult, payload: string, resolved: Pick<LayeredFunctionSettings, 'settings' | 'environment' | 'template'>): Promise<void> {
  const resultDocument = await context.runtime.results.show(target, result, resolved.template);
  context.edge.afterInvoke(resultDocument.uri, context.runtime.results.provideTextDocumentContent(resultDocument.uri), payload, result, {
    timeoutSeconds: resolved.settings.timeout,
    memoryMB: resolved.settings.memorySize,
    environment: resolved.environment,
  });
  if (result.status !== 'success') {
    const bootstrapDir = dirname(context.runtime.functions.bootstrapScript);
    void notifyError(target, result, (file) => file.startsWith(bootstrapDir), context.runtime.functions.channel, context.output);
  }
}

/** "Choose event…": picks the event for a handler and remembers it, without invoking. */
export async function chooseEvent(context: WorkbenchContext, args?: HandlerArgs): Promise<void> {
  const target = await resolveTarget(args);
  if (!target) return;
  const choice = await pickEvent(context.extension.workspaceState, target, serverEventShapes(context));
  if (!choice) return;
  await rememberEvent(context.extension.workspaceState, target, choice);
  context.runtime.lenses?.refresh();
  context.runtime.templateLenses?.refresh();
}
