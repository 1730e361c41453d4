import * as vscode from 'vscode';
import { documentKindsRequest, type DocumentKindsParams, type DocumentKindsResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { registerServerLens } from '../server-lens';

/** A "Simulate request through ALB" lens on the first line of every document the server recognises as ALB rules. */
export function registerAlbCodeLens(context: WorkbenchContext): void {
  registerServerLens(context, async (client, document) => {
    const params: DocumentKindsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const kinds = await client.sendRequest<DocumentKindsResult>(documentKindsRequest, params);
    if (!kinds.regions.some((r) => r.kind === 'alb-config')) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(play) Simulate request through ALB', command: 'lambdaWorkbench.simulateAlb', arguments: [document.uri] })];
  });
}
