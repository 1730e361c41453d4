import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { type ChainFile, type ChainReport, describeRunVerdict, type EdgeRequest, type EdgeResponse, fetchLocalOrigin, parseChainFile, simulateChain, type Trigger } from '../../../server/src/edge';
import { functionConfig, type FunctionSettingsTable, layerFunctionSettings, LocalFunction, parseFunctionSettings } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { requireTrust } from '../runtime/targets';

/** Arguments that skip the questions (tests, keybindings): the viewer-request event and the workspace file. */
export interface SimulateArgs {
  readonly request?: string | vscode.Uri;
  readonly config?: string | vscode.Uri;
}

/**
 * "Simulate CloudFront request": the viewer-request event of the active
 * editor (or a chosen file) through the triggers of lambda-workbench.json's
 * "edge" section, each handler run by the local runtime; the report (every
 * step's input, output and verdict) opens as Markdown beside it.
 */
export async function simulateCloudFront(context: WorkbenchContext, args: SimulateArgs = {}): Promise<ChainReport | undefined> {
  if (!requireTrust('Simulating a CloudFront request')) return undefined;
  const requestUri = toUri(args.request) ?? (await pickRequest());
  if (!requestUri) return undefined;
  const request = await viewerRequestOf(requestUri);
  if (!request) return undefined;
  const configUri = toUri(args.config) ?? (await pickConfig(requestUri));
  if (!configUri) return undefined;
  const raw = JSON.parse(await readFile(configUri.fsPath, 'utf8')) as { edge?: unknown; functions?: unknown };
  const { file, problems } = parseChainFile(raw.edge, 'edge');
  const settings = parseFunctionSettings(raw.functions, 'functions');
  if (!file || settings.problems.length) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(configUri)}: ${[...problems, ...settings.problems].join('; ')}`);
    return undefined;
  }

  const functions = await chainFunctions(context, file, settings.table, dirname(configUri.fsPath));
  try {
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: '$(cloud) Simulating CloudFront' }, () =>
      simulateChain(
        {
          request,
          functions: Object.fromEntries([...functions].map(([trigger, fn]) => [trigger, { timeoutSeconds: fn.config.timeoutSeconds, memoryMB: fn.config.memoryMB, environment: fn.config.environment }])),
          origin: file.origin,
          originDomain: file.originDomain,
        },
        {
          invoke: (trigger, eventText) => functions.get(trigger)?.invoke({ payload: eventText }) ?? Promise.reject(new Error(`no function for ${trigger}`)),
          fetchOrigin: chainOrigin(file),
        },
      ),
    );
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportMarkdown(report, file, vscode.workspace.asRelativePath(requestUri)) });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return report;
  } catch (error) {
    void vscode.window.showErrorMessage(`Simulating CloudFront failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    await Promise.all([...functions.values()].map((fn) => fn.shutdown()));
  }
}

/** A local function for each trigger of the chain file (its settings from the same file's "functions"), logging to the functions' output. */
export async function chainFunctions(context: WorkbenchContext, file: ChainFile, settings: FunctionSettingsTable, root: string): Promise<Map<Trigger, LocalFunction>> {
  const channel = context.runtime.functions.channel;
  const functions = new Map<Trigger, LocalFunction>();
  for (const [trigger, handler] of Object.entries(file.handlers) as Array<[Trigger, string]>) {
    // The one owner of function settings layers them, as for every other run.
    const own = layerFunctionSettings({ root, workspace: [settings] }, handler);
    const [problem] = own.problems;
    if (problem !== undefined) throw new Error(`${handler}: ${problem}`);
    const config = functionConfig({ root, handler, bootstrapScript: context.extension.asAbsolutePath('dist/runtime-bootstrap.js'), timeoutSeconds: own.settings.timeout, memoryMB: own.settings.memorySize, environment: own.environment, reservedConcurrency: 1 });
    functions.set(trigger, new LocalFunction(config, (text) => channel.append(text)));
  }
  return functions;
}

/** The origin of the chain file: its fixed response, or the server on this machine it names. */
export function chainOrigin(file: ChainFile): (request: EdgeRequest) => Promise<EdgeResponse> {
  return async (request) => (file.source.kind === 'response' ? file.source.response : fetchLocalOrigin(file.source.url, request));
}

function toUri(value: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? (value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value)) : value;
}

/**
 * The active editor's document when it is a saved viewer-request event;
 * otherwise says what the command needs and offers to choose a file or make an event.
 */
async function pickRequest(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const isEvent = active !== undefined && /"eventType"\s*:\s*"viewer-request"/.test(active.getText());
  if (active?.uri.scheme === 'file' && isEvent && !active.isDirty) return active.uri;
  const name = active ? vscode.workspace.asRelativePath(active.uri) : undefined;
  const why = !active ? 'No event is open' : !isEvent ? `${name} is not a viewer-request event` : active.isUntitled || active.uri.scheme !== 'file' ? `${name} is not saved yet` : `${name} has unsaved changes`;
  const choose = 'Choose an Event File…';
  const create = 'New Lambda@Edge event';
  const picked = await vscode.window.showInformationMessage(
    `${why}. Simulate CloudFront request sends a saved viewer-request event (config.eventType "viewer-request") through the triggers of lambda-workbench.json's "edge" section.`,
    choose,
    create,
  );
  if (picked === create) {
    await vscode.commands.executeCommand('lambdaWorkbench.newEdgeEvent', 'viewer-request');
    return undefined;
  }
  if (picked !== choose) return undefined;
  const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Viewer-request event': ['json'] }, openLabel: 'Simulate this viewer request' });
  return files?.[0];
}

/** The viewer's request of a viewer-request event file; says what is wrong otherwise. */
export async function viewerRequestOf(uri: vscode.Uri): Promise<EdgeRequest | undefined> {
  let event: unknown;
  try {
    event = JSON.parse(await readFile(uri.fsPath, 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const cf = (event as { Records?: Array<{ cf?: { config?: { eventType?: unknown }; request?: unknown } }> } | null)?.Records?.[0]?.cf;
  if (cf?.config?.eventType !== 'viewer-request' || typeof cf.request !== 'object' || cf.request === null) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} is not a viewer-request event. Make one with "Lambda Workbench: New Lambda@Edge event".`);
    return undefined;
  }
  return cf.request as EdgeRequest;
}

/** The lambda-workbench.json with an "edge" section: the only one, or the one the user picks. */
async function pickConfig(near: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/lambda-workbench.json', '**/node_modules/**', 50);
  const withEdge: vscode.Uri[] = [];
  for (const uri of found) {
    try {
      if ((JSON.parse(await readFile(uri.fsPath, 'utf8')) as { edge?: unknown } | null)?.edge !== undefined) withEdge.push(uri);
    } catch {
      // Not JSON: not a chain file either.
    }
  }
  if (withEdge.length === 0) {
    const open = 'Open the Lambda@Edge docs';
    const picked = await vscode.window.showErrorMessage('No lambda-workbench.json with an "edge" section (each trigger\'s handler and the origin) in this workspace.', open);
    if (picked === open) await vscode.commands.executeCommand('lambdaWorkbench.openDocs', 'lambda-edge#a-whole-request');
    return undefined;
  }
  if (withEdge.length === 1) return withEdge[0];
  const closest = (uri: vscode.Uri) => -commonPrefix(uri.fsPath, near.fsPath);
  const items = withEdge.sort((a, b) => closest(a) - closest(b)).map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }));
  return (await vscode.window.showQuickPick(items, { title: 'Which triggers and origin?' }))?.uri;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** Each step: the trigger and handler, CloudFront's verdict, and the event and result as JSON. */
export function reportMarkdown(report: ChainReport, file: ChainFile, requestName: string): string {
  const json = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'];
  const out = [`# CloudFront simulation of ${requestName}`, '', `**${verdictOf(report)}**`, ''];
  for (const step of report.steps) {
    if (step.trigger === 'origin') {
      out.push('## origin', '', `${String(step.request['method'])} ${String(step.request['uri'])} to ${file.originDomain} answered ${step.response.status} ${step.response.statusDescription ?? ''}`.trimEnd(), '', ...json(step.response), '');
    } else if (!step.ran) {
      out.push(`## ${step.trigger}`, '', `Not run: ${step.reason}.`, '');
    } else {
      out.push(`## ${step.trigger}: \`${file.handlers[step.trigger] ?? ''}\``, '', ...describeRunVerdict(step.trigger, step.verdict).map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l)), '', 'Event:', '', ...json(step.event), '', 'Result:', '', ...json(safeParse(step.outcome.payload)), '');
    }
  }
  out.push(`## The viewer gets ${report.viewerResponse.status} ${report.viewerResponse.statusDescription ?? ''}`.trimEnd(), '', ...json(report.viewerResponse), '');
  return out.join('\n');
}

/** The report's first line: what the viewer gets, and which function decided it when one was rejected. */
export function verdictOf(report: ChainReport): string {
  const { status, statusDescription } = report.viewerResponse;
  const gets = `The viewer gets ${status}${statusDescription ? ` ${statusDescription}` : ''}`;
  for (const step of report.steps) {
    if (step.trigger === 'origin' || !step.ran) continue;
    const [head = ''] = describeRunVerdict(step.trigger, step.verdict);
    if (step.verdict.viewerError) return `${gets}: ${head}`;
  }
  return `${gets}.`;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
