import * as vscode from 'vscode';
import {
  documentKindsRequest,
  type DocumentKindsParams,
  type DocumentKindsResult,
} from '../../server/src/lsp/protocol';
import type { WorkbenchContext } from './context';

const kindNames: Readonly<Record<DocumentKindsResult['regions'][number]['kind'], string>> = {
  'iam-policy': 'IAM policy',
  'edge-event': 'Lambda@Edge event',
  'alb-config': 'ALB rules',
  template: 'CloudFormation template',
};

/** Shapes whose name says more than their kind's. */
const shapeNames: Readonly<Record<string, string>> = {
  'cloudfront-functions-event': 'CloudFront Functions event',
  'serverless-template': 'Serverless Framework service',
};

/** The languages the server reads (see language-client.ts). */
const languages = ['json', 'jsonc', 'yaml'];

/**
 * A language status item on JSON and YAML documents saying what Lambda Workbench
 * recognised in the active one, so users can see why a file is (not) checked.
 */
export function registerDocumentStatus(context: WorkbenchContext): void {
  const item = vscode.languages.createLanguageStatusItem('lambdaWorkbench.documentKind', languages);
  item.name = 'Lambda Workbench';
  item.command = { title: 'Show output', command: 'lambdaWorkbench.showOutput' };
  context.extension.subscriptions.push(item);

  let generation = 0;
  const refresh = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const client = context.languageClient;
    if (!document || !client || !languages.includes(document.languageId)) return;
    const mine = ++generation;
    const params: DocumentKindsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const result = await client.sendRequest<DocumentKindsResult>(documentKindsRequest, params);
    if (mine !== generation) return;
    const names = [...new Set(result.regions.map((r) => shapeNames[r.shape] ?? kindNames[r.kind]))];
    item.text = names.length ? names.join(', ') : 'No AWS document';
    item.detail = 'Lambda Workbench';
    item.severity = vscode.LanguageStatusSeverity.Information;
  };
  const refreshLogged = () => refresh().catch((error: unknown) => context.output.warn(`Document status: ${String(error)}`));

  context.extension.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refreshLogged),
    // The server publishes diagnostics after every analysis, so this follows edits without polling.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) refreshLogged();
    }),
  );
  refreshLogged();
}
