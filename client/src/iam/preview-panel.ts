import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { iamSimulateRequest, type IamPolicyText, type IamSimulateParams, type IamSimulateResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { pickPolicy } from './policy-picker';
import { iamPreviewTitle, renderIamPreview, type AddedPolicy, type IamPreviewMessage, type IamPreviewView, type IamShownSummary } from './preview-html';
import { askForIamRequest, rememberIamRequest } from './request-prompt';
import { formatIamRequestLine, type IamRequestInput } from './request-line';

/** Wait after the last keystroke in a policy before deciding again. */
const refreshDebounceMs = 150;

/** Messages come from the webview: accept only the shapes it sends. */
function isMessage(value: unknown): value is IamPreviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'changeRequest':
    case 'addPolicy':
      return true;
    case 'removePolicy':
      return Number.isInteger(message['index']);
    case 'shown':
      return Array.isArray(message['statements']) && Array.isArray(message['missing']) && typeof message['request'] === 'string';
    case 'reveal':
      return typeof message['uri'] === 'string' && Number.isInteger(message['offset']) && Number.isInteger(message['length']);
    default:
      return false;
  }
}

/**
 * The "Simulate IAM request" preview: one panel per policy document, beside
 * it, deciding the request against the document's policies (and the files
 * added as boundary, SCP, resource policy...) as they are typed.
 */
export class IamPreview {
  private static readonly open = new Map<string, IamPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly shown = new vscode.EventEmitter<IamShownSummary>();
  /** Fires with what the page shows each time it has rendered (read from its DOM by its own script). */
  readonly onDidShow = this.shown.event;
  private generation = 0;
  private debounce: NodeJS.Timeout | undefined;
  /** The documents of the last evaluation, by the uri sent, with the version whose offsets the page shows. */
  private sent = new Map<string, { readonly document: vscode.TextDocument; readonly version: number }>();

  /** Shows the preview of `document` for `request`, reusing the file's panel if it has one; `added` replaces its other policies when given. */
  static show(context: WorkbenchContext, document: vscode.TextDocument, request: IamRequestInput, added?: readonly AddedPolicy[]): IamPreview {
    const existing = IamPreview.open.get(document.uri.toString());
    if (existing) {
      existing.request = request;
      if (added) existing.added = [...added];
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.refresh();
      return existing;
    }
    const preview = new IamPreview(context, document, request, [...(added ?? [])]);
    IamPreview.open.set(document.uri.toString(), preview);
    return preview;
  }

  private constructor(
    private readonly context: WorkbenchContext,
    private readonly document: vscode.TextDocument,
    private request: IamRequestInput,
    private added: AddedPolicy[],
    readonly panel = vscode.window.createWebviewPanel(
      'lambdaWorkbench.iamPreview',
      iamPreviewTitle(basename(document.uri.path), request.action),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    ),
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document || this.added.some((p) => p.uri === event.document.uri.toString())) this.refreshSoon();
      }),
    );
    this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.refresh(), refreshDebounceMs);
  }

  /** Decides the request again and re-renders; answers that arrive after a newer evaluation are dropped. */
  refresh(): void {
    const mine = ++this.generation;
    this.evaluate()
      .then((view) => {
        if (mine === this.generation) this.render(view);
      })
      .catch((error: unknown) => {
        this.context.output.error(`IAM preview: ${String(error)}`);
        if (mine === this.generation) this.render({ problem: `The simulation failed: ${error instanceof Error ? error.message : String(error)}` });
      });
  }

  private async evaluate(): Promise<Pick<IamPreviewView, 'result' | 'problem'>> {
    const client = this.context.languageClient;
    if (!client) return { problem: 'The Lambda Workbench language server is not running (see Lambda Workbench: Show output).' };
    if (this.document.isClosed) return { problem: 'The policy document was closed.' };
    const documents: Array<readonly [vscode.TextDocument, AddedPolicy | undefined]> = [[this.document, undefined]];
    for (const added of this.added) {
      try {
        documents.push([await vscode.workspace.openTextDocument(vscode.Uri.parse(added.uri)), added]);
      } catch (error) {
        return { problem: `${vscode.workspace.asRelativePath(vscode.Uri.parse(added.uri))} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    const sent = new Map<string, { document: vscode.TextDocument; version: number }>();
    const files: IamPolicyText[] = documents.map(([document, added]) => {
      const uri = document.uri.toString();
      sent.set(uri, { document, version: document.version });
      return { uri, text: document.getText(), format: document.languageId === 'yaml' ? 'yaml' : 'json', ...(added ? { role: added.role } : {}) };
    });
    const params: IamSimulateParams = { files, request: this.request };
    const result = await client.sendRequest<IamSimulateResult>(iamSimulateRequest, params);
    this.sent = sent;
    return { result };
  }

  private render(view: Pick<IamPreviewView, 'result' | 'problem'>): void {
    const nameOf = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
    const lineOf = (uri: string, offset: number) => (this.sent.get(uri)?.document.positionAt(offset).line ?? 0) + 1;
    this.panel.title = iamPreviewTitle(basename(this.document.uri.path), this.request.action);
    this.panel.webview.html = renderIamPreview(
      { ...view, requestLine: formatIamRequestLine(this.request), documentName: basename(this.document.uri.path), added: this.added, nameOf, lineOf },
      randomBytes(16).toString('base64'),
    );
  }

  /** Takes a message the page posted (a click, a button, what it shows); anything else is dropped. */
  receive(message: unknown): void {
    if (isMessage(message)) this.handle(message).catch((error: unknown) => this.context.output.error(`IAM preview: ${String(error)}`));
  }

  private async handle(message: IamPreviewMessage): Promise<void> {
    switch (message.type) {
      case 'shown':
        this.shown.fire(message);
        return;
      case 'changeRequest': {
        const request = await askForIamRequest(this.context, formatIamRequestLine(this.request));
        if (!request) return;
        await rememberIamRequest(this.context.extension.globalState, request);
        this.request = request;
        this.refresh();
        return;
      }
      case 'addPolicy': {
        const added = await pickPolicy();
        if (!added) return;
        this.added = [...this.added.filter((p) => p.uri !== added.uri), added];
        this.refresh();
        return;
      }
      case 'removePolicy':
        this.added = this.added.filter((_, i) => i !== message.index);
        this.refresh();
        return;
      case 'reveal':
        await this.reveal(message.uri, message.offset, message.length);
        return;
      default: {
        const unknown: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Selects a statement or condition in its file, unless the file changed since the page was drawn (the next draw is coming). */
  private async reveal(uri: string, offset: number, length: number): Promise<void> {
    const sent = this.sent.get(uri);
    if (!sent || sent.document.version !== sent.version) return;
    const { document } = sent;
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(range.start, range.start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.selection = new vscode.Selection(range.start, range.end);
  }

  private dispose(): void {
    clearTimeout(this.debounce);
    IamPreview.open.delete(this.document.uri.toString());
    this.shown.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
