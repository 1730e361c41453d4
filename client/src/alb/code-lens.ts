import * as vscode from 'vscode';
import { documentKindsRequest, type DocumentKindsParams, type DocumentKindsResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';

/** A "Simulate request through ALB" lens on the first line of every document the server recognises as ALB rules. */
export function registerAlbCodeLens(context: WorkbenchContext): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      const client = context.languageClient;
      if (!client) return [];
      const params: DocumentKindsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
      const kinds = await client.sendRequest<DocumentKindsResult>(documentKindsRequest, params);
      if (!kinds.regions.some((r) => r.kind === 'alb-config')) return [];
      return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(play) Simulate request through ALB', command: 'lambdaWorkbench.simulateAlb', arguments: [document.uri] })];
    },
  };
  context.extension.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }], provider),
    // The server publishes diagnostics after each analysis: the moment a file may have become (or stopped being) ALB rules.
    vscode.languages.onDidChangeDiagnostics(() => changed.fire()),
  );
}
