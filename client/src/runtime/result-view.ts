import * as vscode from 'vscode';
import { errorNotice } from '../../../server/src/runtime/error-notice';
import type { InvokeResult } from '../../../server/src/runtime/local-function';
import type { HandlerTarget } from '../../../server/src/runtime/task-root';

export const resultScheme = 'lambda-workbench-result';

/**
 * Read-only JSON documents holding each handler's last result, one per
 * handler, updated in place on every invoke (no unsaved editors pile up).
 */
export class ResultDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  uriFor(target: HandlerTarget): vscode.Uri {
    return vscode.Uri.from({ scheme: resultScheme, path: `/${target.handler}.json`, query: target.root });
  }

  async show(target: HandlerTarget, result: InvokeResult): Promise<vscode.TextDocument> {
    const uri = this.uriFor(target);
    this.contents.set(uri.toString(), pretty(result.payload));
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function pretty(payload: string): string {
  try {
    return `${JSON.stringify(JSON.parse(payload), null, 2)}\n`;
  } catch {
    return payload;
  }
}

/**
 * A notification for a function error: its type and message, a link to the
 * frame in the user's code, and the log; the same line goes to the extension's
 * log with the frame's place, which the output view turns into a link.
 */
export async function notifyError(target: HandlerTarget, result: InvokeResult, isRuntime: (file: string) => boolean, channel: vscode.OutputChannel, log: vscode.LogOutputChannel): Promise<void> {
  const notice = errorNotice(target.handler, target.file, result.payload, result.errorType, isRuntime);
  log.error(notice.location ? `${notice.message} (at ${notice.location})` : notice.message);
  const actions = [...(notice.goTo ? [notice.goTo] : []), 'Show Log'];
  const picked = await vscode.window.showErrorMessage(notice.message, ...actions);
  if (picked === 'Show Log') channel.show(true);
  if (picked !== undefined && picked === notice.goTo && notice.frame) {
    const position = new vscode.Position(Math.max(0, notice.frame.line - 1), Math.max(0, notice.frame.column - 1));
    await vscode.window.showTextDocument(vscode.Uri.file(notice.frame.file), { selection: new vscode.Range(position, position) });
  }
}
