import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { detectHandlers, handlerTarget, isMalformed } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { handlerLanguages, requireTrust, resolveTarget } from '../runtime/targets';
import { configurationFor, debugType } from './configuration';
import { jsDebugType, LambdaDebugAdapterFactory, preparedKey, PreparedRuns } from './adapter';
import { prepareConfiguration } from './prepare';

/**
 * Resolves `lambda-workbench` configurations before their session starts: fills a
 * configuration for the handler under the cursor when there is none, checks
 * the attributes (refusing with the attribute and what was expected), refuses
 * in an untrusted workspace, and prepares the run (settings merged, the
 * event read or routed through ALB rules) for the session's adapter.
 */
export class LambdaDebugConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(
    private readonly context: WorkbenchContext,
    private readonly prepared: PreparedRuns,
  ) {}

  /** F5 without a launch.json (or an empty configuration): the handler in the active editor. */
  async resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (config.type || config.request || config.name) return config;
    const target = await resolveTarget(undefined);
    return target ? configurationFor(target) : undefined;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (!requireTrust('Debugging a handler')) return undefined;
    const prepared = await prepareConfiguration(this.context, config, folder);
    return prepared ? { ...config, [preparedKey]: this.prepared.add(prepared) } : undefined;
  }
}

/** For the Run and Debug view's list (dynamic configurations): one per handler in the visible editors. */
function handlerConfigurations(): vscode.DebugConfiguration[] {
  const configurations: vscode.DebugConfiguration[] = [];
  for (const editor of vscode.window.visibleTextEditors) {
    const document = editor.document;
    // VS Code's JavaScript debugger runs the handlers; Python ones are not debugged (yet).
    if (document.uri.scheme !== 'file' || !handlerLanguages.includes(document.languageId) || document.languageId === 'python') continue;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
    for (const found of detectHandlers(document.getText())) {
      const target = handlerTarget(document.uri.fsPath, found.exportName, folder, existsSync);
      if (!isMalformed(target) && !configurations.some((c) => c['handlerFile'] === target.file && c['handler'] === target.handler)) configurations.push(configurationFor(target));
    }
  }
  return configurations;
}

/** Registers the configuration provider (resolution and the dynamic list), the adapter of `lambda-workbench` sessions and the tracker of js-debug's sessions under them. */
export function registerDebugging(context: WorkbenchContext): void {
  const prepared = new PreparedRuns();
  const factory = new LambdaDebugAdapterFactory(context, prepared);
  context.extension.subscriptions.push(
    factory,
    vscode.debug.registerDebugAdapterDescriptorFactory(debugType, factory),
    vscode.debug.registerDebugAdapterTrackerFactory(jsDebugType, factory),
    vscode.debug.registerDebugConfigurationProvider(debugType, new LambdaDebugConfigurationProvider(context, prepared)),
    vscode.debug.registerDebugConfigurationProvider(debugType, { provideDebugConfigurations: handlerConfigurations }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
  );
}
