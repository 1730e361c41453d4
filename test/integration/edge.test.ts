import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, waitFor, waitForDiagnostics } from './wait';

// Lambda@Edge fixtures through the real client: diagnostics and a quick fix, hover on a
// header, and the New Lambda@Edge event command. Runs in the examples/ workspace.

const source = 'lambda-workbench';

function ours(diagnostics: readonly vscode.Diagnostic[], code?: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === source && (code === undefined || diagnosticCode(d) === code));
}

/** The examples' hand-written fixture, opened untitled so the workspace file stays as it is. */
async function openMistakes(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  const file = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'edge', 'events', 'hand-written-mistakes.json'));
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: Buffer.from(file).toString('utf8') });
  return vscode.window.showTextDocument(document);
}

describe('Lambda@Edge', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('underlines a header key that names another header, and its quick fix clears it', async () => {
    const editor = await openMistakes();
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (all) => ours(all, 'edge.header-key-mismatch').length > 0);
    const [mismatch] = ours(diagnostics, 'edge.header-key-mismatch');
    assert.ok(mismatch);
    assert.equal(editor.document.getText(mismatch.range), '"User-Agnet"');
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Error);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change the key to "User-Agent"');
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    const after = await waitForDiagnostics(uri, (all) => ours(all).length > 0 && ours(all, 'edge.header-key-mismatch').length === 0);
    assert.match(editor.document.getText(), /"key": "User-Agent"/);
    assert.ok(ours(after, 'edge.disallowed-header').length === 1, describeDiagnostics(after));
  });

  it('says on hover what the trigger may do with a header', async () => {
    const editor = await openMistakes();
    await waitForDiagnostics(editor.document.uri, (all) => ours(all).length > 0);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"x-cache"'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 15));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*X-Cache\*\* is a disallowed header/);
  });

  it('opens a new event for the chosen trigger and origin that passes every check', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('lambdaWorkbench.newEdgeEvent', 'origin-request', 's3');
    assert.ok(editor);
    const { document } = editor;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'json');
    assert.match(document.getText(), /"eventType": "origin-request"/);
    assert.match(document.getText(), /"s3": \{/);

    // A deliberate mistake shows the server analyses this document; undoing it must leave no finding.
    const eventType = document.getText().indexOf('"origin-request"');
    const range = new vscode.Range(document.positionAt(eventType), document.positionAt(eventType + '"origin-request"'.length));
    await editor.edit((edit) => edit.replace(range, '"origin_request"'));
    await waitForDiagnostics(document.uri, (all) => ours(all, 'edge.event-type').length > 0);
    await editor.edit((edit) => edit.replace(range, '"origin-request"'));
    const final = await waitForDiagnostics(document.uri, (all) => ours(all).length === 0);
    assert.deepEqual(ours(final), []);
  });
});

describe('Lambda@Edge: Invoke handler with a CloudFront event', () => {
  it('marks the field CloudFront rejects on the result, with the 502 the viewer would get', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const handler = vscode.Uri.joinPath(folder.uri, 'edge', 'handlers', 'route-to-bucket.mjs');
    const event = vscode.Uri.joinPath(folder.uri, 'edge', 'events', 'viewer-request-assets.json').fsPath;
    const result = await vscode.commands.executeCommand<{ status: string } | undefined>('lambdaWorkbench.invokeHandler', { uri: handler.toString(), exportName: 'handler', event });
    assert.equal(result?.status, 'success');

    const resultDocument = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path.endsWith('route-to-bucket.handler.json'));
    assert.ok(resultDocument, `no result document among ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);
    const diagnostics = await waitForDiagnostics(resultDocument.uri, (all) => ours(all, 'result.read-only-header').length > 0);
    const [violation] = ours(diagnostics, 'result.read-only-header');
    assert.ok(violation);
    assert.equal(violation.severity, vscode.DiagnosticSeverity.Error);
    assert.match(violation.message, /^502 LambdaValidationError: The function changes "host", which is read-only in viewer-request events/);
    await waitFor(() => resultDocument.getText().includes('amzn-s3-demo-bucket'), 'the result document showing the result');
    assert.equal(resultDocument.getText(violation.range), '"host"');
  });

  it('marks nothing when CloudFront accepts the result', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const handler = vscode.Uri.joinPath(folder.uri, 'edge', 'handlers', 'security-headers.mjs');
    const event = vscode.Uri.joinPath(folder.uri, 'edge', 'events', 'viewer-response-s3.json').fsPath;
    const result = await vscode.commands.executeCommand<{ status: string } | undefined>('lambdaWorkbench.invokeHandler', { uri: handler.toString(), exportName: 'handler', event });
    assert.equal(result?.status, 'success');
    const resultDocument = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path.endsWith('security-headers.handler.json'));
    assert.ok(resultDocument);
    assert.deepEqual(ours(vscode.languages.getDiagnostics(resultDocument.uri)), []);
  });
});

describe('Lambda@Edge: Simulate CloudFront request', () => {
  it('runs the viewer request through the configured triggers and opens the report', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const request = vscode.Uri.joinPath(folder.uri, 'edge', 'events', 'viewer-request-docs.json');
    const config = vscode.Uri.joinPath(folder.uri, 'edge', 'lambda-workbench.json');
    const report = await vscode.commands.executeCommand<{ steps: Array<{ trigger: string; ran: boolean }>; viewerResponse: { status: string; headers: Record<string, unknown> } } | undefined>(
      'lambdaWorkbench.simulateCloudFront',
      { request: request.toString(), config: config.toString() },
    );
    assert.ok(report);
    assert.deepEqual(report.steps.map((s) => `${s.trigger}:${s.ran}`), ['viewer-request:true', 'origin-request:false', 'origin:true', 'origin-response:false', 'viewer-response:true']);
    assert.equal(report.viewerResponse.status, '200');
    assert.ok('strict-transport-security' in report.viewerResponse.headers, 'the viewer-response function\'s header reaches the viewer');
    const shown = vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().startsWith('# CloudFront simulation of edge/events/viewer-request-docs.json'));
    assert.ok(shown, 'the report opens');
    assert.match(shown.getText(), /## origin\n\nGET \/docs\/index\.html to amzn-s3-demo-bucket\.s3\.us-east-1\.amazonaws\.com answered 200 OK/);
    assert.equal(shown.getText().split('\n')[2], '**The viewer gets 200 OK.**', 'the report leads with the verdict');
  });
});
