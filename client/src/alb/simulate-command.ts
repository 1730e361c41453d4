import * as vscode from 'vscode';
import type { WorkbenchContext } from '../context';
import { AlbPreview } from './preview-panel';
import { askForRequest, rememberRequest } from './request-prompt';
import { parseRequestLine } from './request-line';

/**
 * "Simulate request through ALB": the rules file is the argument (from the
 * code lens) or the active editor; the request is the second argument (a
 * request line) or asked for. Resolves with the preview.
 */
export async function simulateAlb(context: WorkbenchContext, args: readonly unknown[]): Promise<AlbPreview | undefined> {
  const uri = args[0] instanceof vscode.Uri ? args[0] : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Open an ALB rules file first: describe-rules output, a create-rule input, a listener, or a CloudFormation template with listener rules.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  let request;
  if (typeof args[1] === 'string') {
    const parsed = parseRequestLine(args[1]);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`Simulate request through ALB: ${parsed.error}.`);
      return undefined;
    }
    request = parsed.input;
  } else {
    request = await askForRequest(context.extension.globalState);
  }
  if (!request) return undefined;
  await rememberRequest(context.extension.globalState, request);
  return AlbPreview.show(context, document, request);
}
