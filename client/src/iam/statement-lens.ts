import * as vscode from 'vscode';
import { iamStatementsRequest, type IamStatementsParams, type IamStatementsResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { registerServerLens } from '../server-lens';
import { formatIamRequestLine } from './request-line';

/** A "Simulate request" lens above every statement of the IAM policies the server finds in a document. */
export function registerIamStatementLens(context: WorkbenchContext): void {
  registerServerLens(context, async (client, document) => {
    const params: IamStatementsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const { version, statements } = await client.sendRequest<IamStatementsResult>(iamStatementsRequest, params);
    // Offsets of another version would put lenses on the wrong lines; the next analysis brings them back.
    if (version !== document.version) return [];
    return statements.map((s) => {
      const start = document.positionAt(s.offset);
      const prefill = formatIamRequestLine({ action: s.action ?? 's3:GetObject', resource: s.resource ?? '*', context: [] });
      return new vscode.CodeLens(new vscode.Range(start, start), { title: '$(shield) Simulate request', command: 'lambdaWorkbench.simulateIam', arguments: [document.uri, { prefill }] });
    });
  });
}
