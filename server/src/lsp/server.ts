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
import { isEventShaped } from '../event-shape';
import { defaultSettings, parseSettings, unknownCheckIds, type AnalysisSettings } from '../language/settings';
import { toCodeAction, toCompletionItem, toDiagnostic, toHover, fromRange } from './convert';
import { AnalysisPool } from './analysis-pool';
import { formatOf, LatestFindings, ReadingCache } from './documents';
import { AnalysisScheduler } from './scheduler';
import { parseRequest, parseRoutingOptions, simulate } from '../alb';
import { requestCompletions } from '../iam';
import { iamSimulate, iamStatements } from './iam-simulate';
import {
  albSimulateRequest,
  configurationSection,
  documentKindsRequest,
  eventShapesRequest,
  iamRequestCompletionRequest,
  iamSimulateRequest,
  iamStatementsRequest,
  type AlbSimulateParams,
  type AlbSimulateResult,
  type DocumentKindsParams,
  type DocumentKindsResult,
  type EventShapesParams,
  type EventShapesResult,
  type IamRequestCompletionParams,
  type IamRequestCompletionResult,
  type IamSimulateParams,
  type IamSimulateResult,
  type IamStatementsParams,
  type IamStatementsResult,
  type InitializationOptions,
} from './protocol';

/** Keystrokes closer than this are a burst, analysed once it pauses, so typing stays smooth in large documents. */
const burstMs = 120;

/** How long one document's analysis may take before its remaining checks are left out (and named). */
export const analysisBudgetMs = 2000;

/** Analysis threads for diagnostics: one slow document holds one of them. */
const analysisThreads = 2;

/**
 * Starts the language server on the transport named on the command line
 * (--stdio, --node-ipc, --socket). `workerScript` is the bundle to start
 * analysis threads from (the server's own, see server.ts).
 */
export function startServer(workerScript: string): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = createWorkbenchService({
    timeBudgetMs: analysisBudgetMs,
    onFailure: (where, error) => connection.console.error(`${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const readings = new ReadingCache(service);
  const latest = new LatestFindings();
  const pool = new AnalysisPool(workerScript, analysisThreads, (message) => connection.console.error(message));
  connection.onShutdown(() => pool.dispose());
  const settingsByUri = new Map<string, Promise<AnalysisSettings>>();
  const knownCheckIds: ReadonlySet<string> = new Set(service.checks.map((c) => c.id));
  const loggedSettingProblems = new Set<string>();
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
        const unknown = unknownCheckIds(parsed, knownCheckIds).map((id) => `severity of "${id}": no check has this id`);
        // Settings are read per document and again on every change: each problem is worth one line in the log.
        for (const problem of [...problems, ...unknown]) {
          if (loggedSettingProblems.has(problem)) continue;
          loggedSettingProblems.add(problem);
          connection.console.warn(`Setting lambdaWorkbench.checks: ${problem}`);
        }
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

  async function publish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const settings = await settingsFor(uri);
    // Typing went on while the settings arrived: the newer version has its own run coming.
    if (documents.get(uri)?.version !== document.version) return;
    const text = document.getText();
    const findings = await pool.analyze(uri, text, settings, formatOf(document));
    // Superseded, or typing went on while it ran: the newer version has its own run.
    if (documents.get(uri)?.version !== document.version) return;
    // Still the current version, yet no findings: its analysis thread died (and logged why); code actions offer what needs none.
    latest.set(uri, document.version, findings ?? []);
    if (!findings) return;
    // The open document's own line offsets (it is the version analysed): no second index of a large text.
    const diagnostics = findings.filter((f) => !reportedByEditor(document, f)).map((f) => toDiagnostic(document, f));
    if (!scheduler.mayPublish(uri, document.version)) return;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  const scheduler = new AnalysisScheduler((uri) => {
    publish(uri).catch((error: unknown) => connection.console.error(`Analysing ${uri} failed: ${String(error)}`));
  }, burstMs);

  documents.onDidOpen(({ document }) => scheduler.opened(document.uri, document.version));
  documents.onDidChangeContent(({ document }) => {
    latest.superseded(document.uri, document.version);
    scheduler.changed(document.uri, document.version);
  });
  documents.onDidClose(({ document }) => {
    scheduler.closed(document.uri);
    pool.forget(document.uri);
    settingsByUri.delete(document.uri);
    readings.forget(document.uri);
    latest.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    for (const document of documents.all()) scheduler.opened(document.uri, document.version);
  });

  /** The open document's reading (no checks): used at once, before another version can replace it. */
  function readingOf(uri: string) {
    const document = documents.get(uri);
    return document ? readings.get(document) : undefined;
  }

  connection.onHover(({ textDocument, position }) => {
    const reading = readingOf(textDocument.uri);
    if (!reading) return null;
    const hover = service.hover(reading, reading.document.lines.offsetAt(position));
    return hover ? toHover(reading.document.lines, hover) : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const reading = readingOf(textDocument.uri);
    if (!reading) return [];
    const proposals = service.complete(reading, reading.document.lines.offsetAt(position));
    return proposals.map((p) => toCompletionItem(reading.document.lines, p));
  });

  // Fixes come with the findings of the analysis threads: waiting for them holds this request only, not the server.
  connection.onCodeAction(async ({ textDocument, range }) => {
    const version = documents.get(textDocument.uri)?.version;
    if (version === undefined) return [];
    const findings = await latest.of(textDocument.uri, version);
    const reading = readingOf(textDocument.uri);
    // A newer version came meanwhile: the editor asks again for it.
    if (!findings || !reading || documents.get(textDocument.uri)?.version !== version) return [];
    const actions = service.codeActions({ ...reading, findings }, fromRange(reading.document.lines, range));
    return actions.map((a) => toCodeAction(reading.document.lines, textDocument.uri, a));
  });

  connection.onRequest(documentKindsRequest, ({ uri }: DocumentKindsParams): DocumentKindsResult => {
    const reading = readingOf(uri);
    return { regions: (reading?.classification.regions ?? []).map(({ kind, shape }) => ({ kind, shape })) };
  });

  connection.onRequest(eventShapesRequest, ({ texts }: EventShapesParams): EventShapesResult => ({ eventShaped: texts.map(isEventShaped) }));

  // Async only so that the two shapes of the answer type-check as one handler result.
  connection.onRequest(albSimulateRequest, async ({ uri, request, options, listener }: AlbSimulateParams): Promise<AlbSimulateResult> => {
    const reading = readingOf(uri);
    const version = documents.get(uri)?.version ?? -1;
    if (!reading) return { version, simulation: { kind: 'problem', message: 'the document is not open in the editor' } };
    const parsed = parseRequest(request);
    if ('problem' in parsed) return { version, requestProblem: parsed.problem };
    return { version, simulation: simulate(reading, parsed.request, parseRoutingOptions(options).options, listener) };
  });

  connection.onRequest(iamStatementsRequest, ({ uri }: IamStatementsParams): IamStatementsResult => {
    const reading = readingOf(uri);
    const version = documents.get(uri)?.version ?? -1;
    return reading ? iamStatements(reading, version) : { version, statements: [] };
  });

  connection.onRequest(iamSimulateRequest, async (params: IamSimulateParams): Promise<IamSimulateResult> => iamSimulate(params));

  connection.onRequest(iamRequestCompletionRequest, ({ word, typed, action }: IamRequestCompletionParams): IamRequestCompletionResult => ({
    proposals: requestCompletions(word, typed, action),
  }));

  documents.listen(connection);
  connection.listen();
  return connection;
}
