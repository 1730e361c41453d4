import * as vscode from 'vscode';
import { sampleEvents } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { functionSettingsFor } from '../runtime/function-settings';
import { eventChoiceFor } from '../runtime/invoke';
import { type FunctionTarget, requireTrust, resolveTarget, type HandlerArgs } from '../runtime/targets';

/** The debug type in package.json's `contributes.debuggers`. */
export const debugType = 'lambda-workbench';

/** A launch configuration for a handler found in a file (its task root, handler string and the file itself), or for a template's function. */
export function configurationFor(target: FunctionTarget): vscode.DebugConfiguration {
  const own = { type: debugType, request: 'launch', root: target.root, handler: target.handler, handlerFile: target.file };
  if (!target.template) return { ...own, name: `Debug ${target.handler}` };
  const { templatePath, functionId } = target.template.layer;
  return { ...own, name: `Debug ${functionId}`, template: templatePath, function: functionId };
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
  const resolved = await functionSettingsFor(target);
  if (target.file.endsWith('.py') || resolved.runtime?.startsWith('python') || resolved.runtime?.startsWith('provided')) {
    void vscode.window.showInformationMessage(`Debugging runs VS Code's JavaScript debugger: ${target.handler} runs in ${resolved.runtime ?? 'Python'}, which "Invoke" runs but cannot debug yet.`);
    return false;
  }
  const choice = await eventChoiceFor(context, target, resolved, args?.event);
  if (!choice) return false;
  context.runtime.lenses?.refresh();
  context.runtime.templateLenses?.refresh();
  const event = choice.kind === 'file' ? choice.path : (sampleEvents.find((s) => s.id === choice.id)?.event ?? {});
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file));
  return vscode.debug.startDebugging(folder, { ...configurationFor(target), event });
}
