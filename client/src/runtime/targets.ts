import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { detectHandlers, detectPythonHandlers, handlerTarget, isMalformed, type DetectedHandler, type HandlerTarget } from '../../../server/src/runtime';

/** What the code lens passes to the runtime's commands. */
export interface HandlerArgs {
  readonly uri?: string | vscode.Uri;
  readonly exportName?: string;
  /** An event file to use instead of the remembered one (tests and keybindings). */
  readonly event?: string;
  /** For Start local endpoint: a port instead of `lambdaWorkbench.endpoint.port` (0 picks a free one). */
  readonly port?: number;
}

/** Languages whose files may export handlers. */
export const handlerLanguages = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python'];

/** The handlers of a document, found as its language declares functions. */
export function handlersIn(document: vscode.TextDocument): DetectedHandler[] {
  return document.languageId === 'python' ? detectPythonHandlers(document.getText()) : detectHandlers(document.getText());
}

/**
 * The handler a command is about: the one its arguments name, else the one
 * the active editor's cursor is in (or its only one), asking when several fit.
 * Shows why when there is none.
 */
export async function resolveTarget(args: HandlerArgs | undefined): Promise<HandlerTarget | undefined> {
  let uri = typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : args?.uri;
  let exportName = args?.exportName;
  if (!uri || !exportName) {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !handlerLanguages.includes(editor.document.languageId)) {
      void vscode.window.showWarningMessage('Open a JavaScript, TypeScript or Python file with a Lambda handler, then run this again.');
      return undefined;
    }
    const found = handlersIn(editor.document);
    if (found.length === 0) {
      const looked = editor.document.languageId === 'python' ? 'def handler(event, context) at module level' : 'exports.handler, export const/function handler, module.exports.x';
      void vscode.window.showWarningMessage(`No handler found in ${vscode.workspace.asRelativePath(editor.document.uri)} (looked for ${looked}).`);
      return undefined;
    }
    uri = editor.document.uri;
    const cursor = editor.document.offsetAt(editor.selection.active);
    const before = found.filter((h) => h.offset <= cursor).pop();
    exportName = found.length === 1 ? found[0]?.exportName : (before?.exportName ?? (await vscode.window.showQuickPick(found.map((h) => h.exportName), { title: 'Which handler?' })));
    if (!exportName) return undefined;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Only handlers in files on disk can be invoked (save the file first).');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
  const target = handlerTarget(uri.fsPath, exportName, folder, existsSync);
  if (isMalformed(target)) {
    void vscode.window.showErrorMessage(`Cannot invoke ${exportName}: ${target.error}.`);
    return undefined;
  }
  return target;
}

/** True when running user code is allowed; otherwise says why and offers to manage Workspace Trust. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showErrorMessage(`${what} runs the handler's code on this machine, so it needs a trusted workspace: trust this workspace, then try again.`, 'Manage Workspace Trust')
    .then((picked) => picked && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
