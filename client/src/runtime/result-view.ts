import { basename } from 'node:path';
import * as vscode from 'vscode';
import { errorNotice, type HandlerTarget, type InvokeResult, type StreamedResponse, streamedResponseView } from '../../../server/src/runtime';

export const resultScheme = 'lambda-workbench-result';

/** The template function whose settings a run took. */
type TemplateSource = { readonly path: string; readonly functionId: string } | undefined;

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

  /**
   * `.json`, or `.txt` for a streamed response that is not JSON (so no JSON
   * diagnostics on plain text). A run with a template function's settings
   * says which in its name: `app.handler · HelloFunction (template.yaml).json`.
   */
  uriFor(target: HandlerTarget, extension: 'json' | 'txt' = 'json', template?: TemplateSource): vscode.Uri {
    const name = template ? `${target.handler} · ${template.functionId} (${basename(template.path)})` : target.handler;
    return vscode.Uri.from({ scheme: resultScheme, path: `/${name}.${extension}`, query: template ? `${target.root}#${template.path}` : target.root });
  }

  async show(target: HandlerTarget, result: InvokeResult, template?: TemplateSource): Promise<vscode.TextDocument> {
    return this.present(target, result.streamed ? streamedResponseView(result.streamed) : { text: pretty(result.payload), json: true }, template);
  }

  /** What a streaming handler has written so far, shown as it arrives (as a function URL's client sees it). */
  showPartial(target: HandlerTarget, streamed: StreamedResponse, template?: TemplateSource): Promise<vscode.TextDocument> {
    return this.present(target, streamedResponseView(streamed), template);
  }

  private async present(target: HandlerTarget, view: { readonly text: string; readonly json: boolean }, template: TemplateSource | undefined): Promise<vscode.TextDocument> {
    const uri = this.uriFor(target, view.json ? 'json' : 'txt', template);
    const text = view.text;
    this.contents.set(uri.toString(), text);
    // An open document takes the new content asynchronously: resolve only once it shows this result.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const updated = open && open.getText() !== text ? documentText(uri, text) : undefined;
    this.changed.fire(uri);
    await updated;
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Settles when the document at `uri` holds `text`, or after a second (never blocks a result on it). */
function documentText(uri: vscode.Uri, text: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri.toString() && e.document.getText() === text && done());
    const timer = setTimeout(done, 1000);
  });
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
