import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkbenchContext } from './context';

/**
 * A code lens whose places the language server's analysis decides (ALB rules,
 * IAM statements), on JSON and YAML documents. The server publishes
 * diagnostics after each analysis: the moment those places may have moved,
 * appeared or gone, so the lenses are asked for again then.
 */
export function registerServerLens(context: WorkbenchContext, lensesOf: (client: LanguageClient, document: vscode.TextDocument) => Promise<vscode.CodeLens[]>): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      const client = context.languageClient;
      return client ? lensesOf(client, document) : [];
    },
  };
  context.extension.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }], provider),
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
  );
}
