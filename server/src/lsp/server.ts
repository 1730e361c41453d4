import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../language/finding';
import { createWorkbenchService } from '../workbench';
import { defaultSettings, parseSettings, type AnalysisSettings } from '../language/settings';
import { toCodeAction, toCompletionItem, toDiagnostic, toHover, fromRange } from './convert';
import { AnalysisCache } from './documents';
import { parseRoutingOptions } from '../alb';
import { parseRequest } from '../alb';
import { simulate } from '../alb';
import {
  albSimulateRequest,
  configurationSection,
  documentKindsRequest,
  type AlbSimulateParams,
  type AlbSimulateResult,
  type DocumentKindsParams,
  type DocumentKindsResult,
  type InitializationOptions,
} from './protocol';

/** Wait after the last keystroke before re-analysing, so typing stays smooth in large documents. */
const changeDebounceMs = 120;

/** Starts the language server on the transport named on the command line (--stdio, --node-ipc, --socket). */
export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = createWorkbenchService({
    onFailure: (where, error) => connection.console.error(`${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const analyses = new AnalysisCache(service);
  const settingsByUri = new Map<string, Promise<AnalysisSettings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  let canPullConfiguration = false;
  let editorReportsJsonSyntax = false;
  let editorReportsYamlSyntax = false;

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    editorReportsJsonSyntax = options.editorReportsJsonSyntax === true;
    editorReportsYamlSyntax = options.editorReportsYamlSyntax === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'lambda-workbench' },
    };
  });

  function settingsFor(uri: string): Promise<AnalysisSettings> {
    if (!canPullConfiguration) return Promise.resolve(defaultSettings);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: configurationSection }).then((raw: unknown) => {
        const { settings: parsed, problems } = parseSettings(raw ?? {});
        for (const problem of problems) connection.console.warn(`Setting lambdaWorkbench.checks: ${problem}`);
        return parsed;
      });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** VS Code's JSON service already reports syntax errors, except comments and trailing commas in JSONC; the YAML extension, where installed, YAML's. */
  function reportedByEditor(document: TextDocument, finding: Finding): boolean {
    if (finding.id === 'yaml.syntax') return editorReportsYamlSyntax;
    if (!editorReportsJsonSyntax || finding.id !== 'json.syntax') return false;
    if (document.languageId !== 'jsonc') return true;
    return !/comment|trailing comma/i.test(finding.message);
  }

  async function publish(document: TextDocument): Promise<void> {
    const settings = await settingsFor(document.uri);
    if (documents.get(document.uri)?.version !== document.version) return;
    const analysis = analyses.get(document, settings);
    const diagnostics = analysis.findings
      .filter((f) => !reportedByEditor(document, f))
      .map((f) => toDiagnostic(analysis.document.lines, f));
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  function schedule(document: TextDocument, delayMs: number): void {
    clearTimeout(pending.get(document.uri));
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        publish(document).catch((error: unknown) => connection.console.error(`Analysing ${document.uri} failed: ${String(error)}`));
      }, delayMs),
    );
  }

  documents.onDidOpen(({ document }) => schedule(document, 0));
  documents.onDidChangeContent(({ document }) => schedule(document, changeDebounceMs));
  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    settingsByUri.delete(document.uri);
    analyses.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    for (const document of documents.all()) schedule(document, 0);
  });

  async function analysisOf(uri: string) {
    const document = documents.get(uri);
    return document ? analyses.get(document, await settingsFor(uri)) : undefined;
  }

  connection.onHover(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    if (!analysis) return null;
    const hover = service.hover(analysis, analysis.document.lines.offsetAt(position));
    return hover ? toHover(analysis.document.lines, hover) : null;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    if (!analysis) return [];
    const proposals = service.complete(analysis, analysis.document.lines.offsetAt(position));
    return proposals.map((p) => toCompletionItem(analysis.document.lines, p));
  });

  connection.onCodeAction(async ({ textDocument, range }) => {
    const analysis = await analysisOf(textDocument.uri);
    if (!analysis) return [];
    const actions = service.codeActions(analysis, fromRange(analysis.document.lines, range));
    return actions.map((a) => toCodeAction(analysis.document.lines, textDocument.uri, a));
  });

  connection.onRequest(documentKindsRequest, async ({ uri }: DocumentKindsParams): Promise<DocumentKindsResult> => {
    const analysis = await analysisOf(uri);
    return { regions: (analysis?.classification.regions ?? []).map(({ kind, shape }) => ({ kind, shape })) };
  });

  connection.onRequest(albSimulateRequest, async ({ uri, request, options, listener }: AlbSimulateParams): Promise<AlbSimulateResult> => {
    const analysis = await analysisOf(uri);
    const version = documents.get(uri)?.version ?? -1;
    if (!analysis) return { version, simulation: { kind: 'problem', message: 'the document is not open in the editor' } };
    const parsed = parseRequest(request);
    if ('problem' in parsed) return { version, requestProblem: parsed.problem };
    return { version, simulation: simulate(analysis, parsed.request, parseRoutingOptions(options).options, listener) };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
