import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { detectHandlers, detectPythonHandlers, handlerFileFor, handlerLanguage, handlerTarget, isMalformed, parseHandlerString, templateFunction, type DetectedHandler, type HandlerTarget, type TemplateFunction } from '../../../server/src/runtime';

/** What the code lens passes to the runtime's commands. */
export interface HandlerArgs {
  readonly uri?: string | vscode.Uri;
  readonly exportName?: string;
  /** An event file to use instead of the remembered one (tests and keybindings). */
  readonly event?: string;
  /** For Start local endpoint: a port instead of `lambdaWorkbench.endpoint.port` (0 picks a free one). */
  readonly port?: number;
  /** A template's function instead of a handler file (the template's lenses): the template and the function's logical id. */
  readonly template?: string | vscode.Uri;
  readonly functionId?: string;
}

/** A handler to run; `template` when a template's lens named the function, whose settings and remembered event it takes. */
export interface FunctionTarget extends HandlerTarget {
  readonly template?: TemplateFunction;
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
export async function resolveTarget(args: HandlerArgs | undefined): Promise<FunctionTarget | undefined> {
  if (args?.template !== undefined) return templateFunctionTarget(args.template, args.functionId);
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

/** A template's function as a target: its code folder, its handler and the file that holds it; shows why when it cannot run. */
async function templateFunctionTarget(template: string | vscode.Uri, functionId: string | undefined): Promise<FunctionTarget | undefined> {
  const uri = typeof template === 'string' ? vscode.Uri.parse(template) : template;
  if (!functionId) {
    void vscode.window.showErrorMessage(`Which function of ${vscode.workspace.asRelativePath(uri)}? The command needs its logical id.`);
    return undefined;
  }
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Only functions of templates on disk can be run (save the template first).');
    return undefined;
  }
  // The text as the editor holds it: what the lens was drawn from.
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  const found = templateFunction(uri.fsPath, text, functionId);
  if ('problem' in found) {
    void vscode.window.showErrorMessage(`Cannot run ${functionId}: ${found.problem}`);
    return undefined;
  }
  const { root, layer } = found;
  return { root, handler: layer.handler, file: moduleFile(root, layer.handler, layer.runtime), template: found };
}

/** The file a handler string names under `root`, as Lambda's runtime for it finds it (for error frames and the debugger). */
function moduleFile(root: string, handler: string, runtime: string | undefined): string {
  const language = handlerLanguage(root, handler, runtime);
  if ('language' in language && language.language === 'custom') return join(root, 'bootstrap');
  if ('language' in language && language.language === 'python') return join(root, `${handler.slice(0, Math.max(0, handler.lastIndexOf('.'))).replace(/\./g, '/')}.py`);
  const parsed = parseHandlerString(handler);
  const found = isMalformed(parsed) ? undefined : handlerFileFor(root, parsed, existsSync);
  return found ?? join(root, handler);
}

/** True when running user code is allowed; otherwise says why and offers to manage Workspace Trust. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showErrorMessage(`${what} runs the handler's code on this machine, so it needs a trusted workspace: trust this workspace, then try again.`, 'Manage Workspace Trust')
    .then((picked) => picked && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
