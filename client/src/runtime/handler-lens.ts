import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { handlerTarget, isMalformed } from '../../../server/src/runtime';
import { describeChoice, rememberedEvent } from './event-choice';
import { handlerLanguages, handlersIn } from './targets';

/** "Invoke handler", "Debug handler" (JS/TS) and the event they use, above every handler of a JS/TS or Python file on disk. */
export class HandlerLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly extension: vscode.ExtensionContext) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('lambdaWorkbench.invoke', document.uri).get<boolean>('codeLens', true)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const found of handlersIn(document)) {
      const start = document.positionAt(found.offset);
      const range = new vscode.Range(start, document.positionAt(found.offset + found.length));
      const args = { uri: document.uri.toString(), exportName: found.exportName };
      if (!vscode.workspace.isTrusted) {
        lenses.push(new vscode.CodeLens(range, { title: '$(shield) Invoke handler (needs a trusted workspace)', command: 'lambdaWorkbench.invokeHandler', arguments: [args] }));
        continue;
      }
      lenses.push(new vscode.CodeLens(range, { title: '$(play) Invoke handler', tooltip: 'Run this handler locally as Lambda would', command: 'lambdaWorkbench.invokeHandler', arguments: [args] }));
      // The debugger is VS Code's JavaScript one: Python handlers run, but are not debugged (yet).
      if (document.languageId !== 'python') {
        lenses.push(new vscode.CodeLens(range, { title: '$(debug-alt) Debug handler', tooltip: 'Run this handler locally under the debugger: breakpoints bind on the first invoke', command: 'lambdaWorkbench.debugHandler', arguments: [args] }));
      }
      const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
      const target = handlerTarget(document.uri.fsPath, found.exportName, folder, existsSync);
      const choice = isMalformed(target) ? undefined : rememberedEvent(this.extension.workspaceState, target);
      const title = choice && !isMalformed(target) ? `Event: ${describeChoice(choice, target.root)}` : 'Choose event…';
      lenses.push(new vscode.CodeLens(range, { title, tooltip: 'The event this handler is invoked with', command: 'lambdaWorkbench.chooseEvent', arguments: [args] }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the lens on the handler languages (files on disk only). */
export function registerHandlerLens(extension: vscode.ExtensionContext): HandlerLensProvider {
  return registerInvokeLens(extension, handlerLanguages, new HandlerLensProvider(extension));
}

/** Registers an invoke lens on files on disk of `languages`, refreshed when trust or the invoke settings change. */
export function registerInvokeLens<P extends vscode.CodeLensProvider & vscode.Disposable & { refresh(): void }>(extension: vscode.ExtensionContext, languages: readonly string[], provider: P): P {
  extension.subscriptions.push(
    provider,
    vscode.languages.registerCodeLensProvider(languages.map((language) => ({ language, scheme: 'file' })), provider),
    vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('lambdaWorkbench.invoke') && provider.refresh()),
  );
  return provider;
}
