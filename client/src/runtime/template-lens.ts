import { basename } from 'node:path';
import * as vscode from 'vscode';
import { templateFunctionEntries } from '../../../server/src/runtime';
import { describeChoice, rememberedEvent } from './event-choice';
import { registerInvokeLens } from './handler-lens';

/** Text that makes a YAML or JSON file worth parsing for functions. */
const mentionsFunctions = /AWS::Serverless::Function|AWS::Lambda::Function/;

/**
 * "Invoke", "Debug" (Node.js functions) and the event they use, above each
 * function resource of a SAM/CloudFormation template or serverless.yml whose
 * code is on this machine. They run the function with the template's settings
 * through the handler lens's commands (`template` and `functionId` arguments).
 */
export class TemplateLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly extension: vscode.ExtensionContext) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('lambdaWorkbench.invoke', document.uri).get<boolean>('codeLens', true)) return [];
    const text = document.getText();
    if (!/^serverless\.ya?ml$/i.test(basename(document.uri.fsPath)) && !mentionsFunctions.test(text)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const entry of templateFunctionEntries(document.uri.fsPath, text)) {
      if (entry.notLocal !== undefined) continue;
      const range = new vscode.Range(document.positionAt(entry.offset), document.positionAt(entry.offset + entry.length));
      const args = { template: document.uri.toString(), functionId: entry.id };
      if (!vscode.workspace.isTrusted) {
        lenses.push(new vscode.CodeLens(range, { title: '$(shield) Invoke (needs a trusted workspace)', command: 'lambdaWorkbench.invokeHandler', arguments: [args] }));
        continue;
      }
      lenses.push(new vscode.CodeLens(range, { title: '$(play) Invoke', tooltip: `Run ${entry.id} locally with this template's settings`, command: 'lambdaWorkbench.invokeHandler', arguments: [args] }));
      // The debugger is VS Code's JavaScript one: Python and custom runtimes run, but are not debugged (yet).
      if (!entry.runtime?.startsWith('python') && !entry.runtime?.startsWith('provided')) {
        lenses.push(new vscode.CodeLens(range, { title: '$(debug-alt) Debug', tooltip: `Run ${entry.id} locally under the debugger, with this template's settings`, command: 'lambdaWorkbench.debugHandler', arguments: [args] }));
      }
      const owner = { template: { layer: { templatePath: document.uri.fsPath, functionId: entry.id } } };
      const choice = rememberedEvent(this.extension.workspaceState, owner);
      const title = choice ? `Event: ${describeChoice(choice, entry.root)}` : 'Choose event…';
      lenses.push(new vscode.CodeLens(range, { title, tooltip: `The event ${entry.id} is invoked with`, command: 'lambdaWorkbench.chooseEvent', arguments: [args] }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the lens on YAML and JSON files on disk, refreshed when trust, settings or remembered events change. */
export function registerTemplateLens(extension: vscode.ExtensionContext): TemplateLensProvider {
  return registerInvokeLens(extension, ['yaml', 'json', 'jsonc'], new TemplateLensProvider(extension));
}
