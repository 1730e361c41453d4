import * as vscode from 'vscode';
import { type HandlerTarget, sampleEvents } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { readFunctionSettings } from '../runtime/function-settings';
import { eventChoiceFor } from '../runtime/invoke';
import { requireTrust, resolveTarget, type HandlerArgs } from '../runtime/targets';

/** The debug type in package.json's `contributes.debuggers`. */
export const debugType = 'lambda-workbench';

/** A launch configuration for a handler found in a file: its task root, handler string and the file itself. */
export function configurationFor(target: HandlerTarget): vscode.DebugConfiguration {
  return { type: debugType, request: 'launch', name: `Debug ${target.handler}`, root: target.root, handler: target.handler, handlerFile: target.file };
}

/**
 * "Debug handler": the same session as a launch configuration, without one.
 * The event is the handler's remembered one (asking the first time), as for
 * "Invoke handler"; timeout, memory and environment come from its settings.
 * Resolves to whether the debug session started.
 */
export async function debugHandler(context: WorkbenchContext, args?: HandlerArgs): Promise<boolean> {
  if (!requireTrust('Debugging a handler')) return false;
  const target = await resolveTarget(args);
  if (!target) return false;
  if (target.file.endsWith('.py')) {
    void vscode.window.showInformationMessage(`Debugging runs VS Code's JavaScript debugger: ${target.handler} is a Python handler, which "Invoke handler" runs but cannot debug yet.`);
    return false;
  }
  const choice = await eventChoiceFor(context, target, readFunctionSettings(target), args?.event);
  if (!choice) return false;
  context.runtime.lenses?.refresh();
  const event = choice.kind === 'file' ? choice.path : (sampleEvents.find((s) => s.id === choice.id)?.event ?? {});
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file));
  return vscode.debug.startDebugging(folder, { ...configurationFor(target), event });
}
