import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { type RequestInput, type RouteTrace, withFileBody } from '../../../server/src/alb';
import { albSimulateRequest, type AlbSimulateParams, type AlbSimulateResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { LambdaTargetRunner, type TargetView } from './lambda-target';
import { previewTitle, renderPreview, type PreviewMessage, type PreviewView, type ShownSummary } from './preview-html';
import { askForRequest, rememberRequest } from './request-prompt';
import { formatRequestLine } from './request-line';

/** Wait after the last keystroke in the rules before routing again. */
const refreshDebounceMs = 150;

/** Messages come from the webview: accept only the shapes it sends. */
function isPreviewMessage(value: unknown): value is PreviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message['type'] === 'changeRequest' || message['type'] === 'invokeAgain' || message['type'] === 'manageTrust') return true;
  if (message['type'] === 'shown') return Array.isArray(message['rules']) && Array.isArray(message['headers']) && typeof message['request'] === 'string';
  if (message['type'] === 'listener') return Number.isInteger(message['index']);
  return message['type'] === 'reveal' && Number.isInteger(message['offset']) && Number.isInteger(message['length']);
}

/**
 * The "Simulate request through ALB" preview: one panel per rules file,
 * beside it, routing the request through the rules as they are typed.
 */
export class AlbPreview {
  private static readonly open = new Map<string, AlbPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly shown = new vscode.EventEmitter<ShownSummary>();
  /** Fires with what the page shows each time it has rendered (read from its DOM by its own script). */
  readonly onDidShow = this.shown.event;
  private listener: number | undefined;
  private generation = 0;
  private debounce: NodeJS.Timeout | undefined;
  private shownVersion = -1;
  private readonly targets: LambdaTargetRunner;

  /** Shows the preview of `document` for `request`, reusing the file's panel if it has one. */
  static show(context: WorkbenchContext, document: vscode.TextDocument, request: RequestInput): AlbPreview {
    const key = document.uri.toString();
    const existing = AlbPreview.open.get(key);
    if (existing) {
      existing.request = request;
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.refresh();
      return existing;
    }
    const preview = new AlbPreview(context, document, request);
    AlbPreview.open.set(key, preview);
    return preview;
  }

  private constructor(
    private readonly context: WorkbenchContext,
    private readonly document: vscode.TextDocument,
    private request: RequestInput,
    readonly panel = vscode.window.createWebviewPanel(
      'lambdaWorkbench.albPreview',
      `ALB ${basename(document.uri.path)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    ),
  ) {
    this.targets = new LambdaTargetRunner(context);
    const mappings = vscode.workspace.createFileSystemWatcher('**/lambda-workbench.json');
    this.disposables.push(
      mappings,
      mappings.onDidChange(() => this.mappingsChanged()),
      mappings.onDidCreate(() => this.mappingsChanged()),
      mappings.onDidDelete(() => this.mappingsChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isPreviewMessage(message)) this.handle(message).catch((error: unknown) => context.output.error(`ALB preview: ${String(error)}`));
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('lambdaWorkbench.alb', document.uri)) this.refresh();
      }),
    );
    this.refresh();
  }

  private refreshSoon(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.refresh(), refreshDebounceMs);
  }

  /**
   * Routes the request again and re-renders, sending it to the Lambda target
   * when the chosen target group has a local handler (`force`: even when the
   * handler already answered this very request). Answers that arrive after a
   * newer request are dropped.
   */
  refresh(force = false): void {
    const mine = ++this.generation;
    const current = () => mine === this.generation;
    this.route()
      .then(async (view) => {
        if (!current()) return;
        const target = view.trace ? await this.visitTarget(view.trace, force, (progress) => current() && this.render({ ...view, target: progress })) : undefined;
        if (current()) this.render(target ? { ...view, target } : view);
      })
      .catch((error: unknown) => {
        this.context.output.error(`ALB preview: ${String(error)}`);
        if (mine === this.generation) this.render({ problem: `The simulation failed: ${error instanceof Error ? error.message : String(error)}` });
      });
  }

  private async route(): Promise<Omit<PreviewView, 'requestLine' | 'documentName' | 'lineOf'>> {
    const client = this.context.languageClient;
    if (!client) return { problem: 'The Lambda Workbench language server is not running (see Lambda Workbench: Show output).' };
    if (this.document.isClosed) return { problem: 'The rules file was closed.' };
    const config = vscode.workspace.getConfiguration('lambdaWorkbench.alb', this.document.uri);
    let request: RequestInput;
    try {
      // -d @FILE: a file beside the rules (or any path), sent as its bytes.
      request = withFileBody(this.request, dirname(this.document.uri.fsPath), readFileSync);
    } catch (error) {
      return { problem: `The request: cannot read the body ${this.request.body ?? ''} (${error instanceof Error ? error.message : String(error)}).` };
    }
    const params: AlbSimulateParams = {
      uri: client.code2ProtocolConverter.asUri(this.document.uri),
      request,
      options: { hostHeaderPort: config.get('hostHeaderPort'), percentDecode: config.get('percentDecode') },
      ...(this.listener !== undefined ? { listener: this.listener } : {}),
    };
    const result = await client.sendRequest<AlbSimulateResult>(albSimulateRequest, params);
    if (result.version !== this.document.version) {
      // The server has not seen the latest edit yet; its change event will bring us back.
      this.refreshSoon();
    }
    this.shownVersion = result.version;
    if ('requestProblem' in result) return { problem: `The request: ${result.requestProblem.message}.` };
    const simulation = result.simulation;
    if (simulation.kind === 'problem') return { problem: `${simulation.message.charAt(0).toUpperCase()}${simulation.message.slice(1)}.` };
    this.listener = simulation.listener;
    return { trace: simulation.trace, listeners: simulation.listeners, listener: simulation.listener };
  }

  private mappingsChanged(): void {
    this.targets.forgetFiles();
    this.refresh();
  }

  private async visitTarget(trace: RouteTrace, force: boolean, progress: (view: TargetView) => void): Promise<TargetView | undefined> {
    try {
      return await this.targets.visit(this.document.uri, trace, force, progress);
    } catch (error) {
      this.context.output.error(`ALB preview, Lambda target: ${String(error)}`);
      return { kind: 'problem', arn: '', warnings: [], message: `the Lambda target could not be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private render(view: Omit<PreviewView, 'requestLine' | 'documentName' | 'lineOf'>): void {
    const line = formatRequestLine(this.request);
    this.panel.title = previewTitle(basename(this.document.uri.path), this.request);
    this.panel.webview.html = renderPreview(
      { ...view, requestLine: line, documentName: basename(this.document.uri.path), lineOf: (offset) => this.document.positionAt(offset).line + 1 },
      randomBytes(16).toString('base64'),
    );
  }

  private async handle(message: PreviewMessage): Promise<void> {
    if (message.type === 'shown') {
      this.shown.fire(message);
    } else if (message.type === 'changeRequest') {
      const request = await askForRequest(this.context.extension.globalState, formatRequestLine(this.request));
      if (!request) return;
      await rememberRequest(this.context.extension.globalState, request);
      this.request = request;
      this.refresh();
    } else if (message.type === 'invokeAgain') {
      this.refresh(true);
    } else if (message.type === 'manageTrust') {
      await vscode.commands.executeCommand('workbench.trust.manage');
    } else if (message.type === 'listener') {
      this.listener = message.index;
      this.refresh();
    } else if (this.shownVersion === this.document.version) {
      const range = new vscode.Range(this.document.positionAt(message.offset), this.document.positionAt(message.offset + message.length));
      const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(range.start, range.start) });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      editor.selection = new vscode.Selection(range.start, range.end);
    }
  }

  private dispose(): void {
    clearTimeout(this.debounce);
    AlbPreview.open.delete(this.document.uri.toString());
    this.shown.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

