import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AlbPreview } from '../../client/src/alb/preview-panel';
import type { IamPreview } from '../../client/src/iam/preview-panel';
import { diagnosticCode, lensesOf, nextEvent, waitFor, waitForDiagnostics } from './wait';

// The README's pictures, made in the real VS Code so they show the current product:
//   node test/harness/run-vscode-tests.mjs --grep screenshots --screenshots docs/images
// Each test sets a scene and asks the harness (a console line) for a picture of the page,
// then waits for the file. Without --screenshots the suite is skipped.

const folderOfPictures = process.env['LAMBDA_WORKBENCH_SCREENSHOTS'];

async function picture(name: string): Promise<void> {
  assert.ok(folderOfPictures);
  const file = join(folderOfPictures, `${name}.png`);
  rmSync(file, { force: true });
  // Notices about the workspace (a git repository above it) are not part of the product.
  await vscode.commands.executeCommand('notifications.clearAll');
  console.log(`lambda-workbench-screenshot ${name}`);
  await waitFor(() => existsSync(file), `the harness writing ${file}`);
}

function example(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

(folderOfPictures ? describe : describe.skip)('screenshots for the README', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an IAM policy: diagnostics and a hover', async () => {
    const document = await vscode.workspace.openTextDocument(example('iam', 'typos.json'));
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'INVALID_CONDITION_OPERATOR'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('s3:ListBucket') + 5);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await picture('iam-diagnostics-hover');
  });

  it('the Invoke handler lens and its result', async () => {
    const uri = example('handlers', 'hello.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'handler', event: example('handlers', 'events', 'hello.json').fsPath });
    await waitFor(() => vscode.window.visibleTextEditors.length >= 2, 'the result showing beside the code');
    await picture('invoke-handler');
  });

  it('the ALB preview', async () => {
    const uri = example('alb', 'describe-rules.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', uri, 'GET https://example.com/img/1.png');
    assert.ok(preview, 'the command returned no preview');
    // The page reports each render it has painted.
    await nextEvent(preview.onDidShow, (shown) => shown.rules.length > 0, 'the preview showing the rules');
    await picture('alb-preview');
  });

  it('Simulate IAM request', async () => {
    const uri = example('iam', 'reports-reader.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const request = 's3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal arn:aws:iam::111122223333:user/alice aws:SourceIp=192.0.2.7';
    const preview = await vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.simulateIam', uri, request);
    assert.ok(preview, 'the command returned no preview');
    await nextEvent(preview.onDidShow, (shown) => shown.decision !== null, 'the preview showing a decision');
    await picture('iam-simulate');
  });

  it('a SAM template in YAML: Lambda@Edge findings across resources and a hover', async () => {
    const document = await vscode.workspace.openTextDocument(example('sam', 'template.yaml'));
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'edge.function-version'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('!GetAtt DynamicOriginFunction.Arn') + 12);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await picture('sam-template-yaml');
  });

  it("a template's function invoked from its lens", async () => {
    const uri = example('sam-hello', 'template.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await lensesOf(uri, (lenses) => lenses.some((l) => l.command?.title === '$(play) Invoke'), 'the Invoke lens');
    await vscode.commands.executeCommand('lambdaWorkbench.invokeHandler', { template: uri.toString(), functionId: 'HelloFunction', event: example('sam-hello', 'events', 'greet.json').fsPath });
    await waitFor(() => vscode.window.visibleTextEditors.length >= 2, 'the result showing beside the template');
    await picture('template-invoke');
  });

  it('a Python handler invoked', async () => {
    const uri = example('python', 'app.py');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'handler', event: example('handlers', 'events', 'hello.json').fsPath });
    await waitFor(() => vscode.window.visibleTextEditors.length >= 2, 'the result showing beside the code');
    await picture('python-invoke');
  });

  it('a breakpoint hit in a handler', async () => {
    const uri = example('handlers', 'hello.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(1, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    try {
      const ended = nextEvent(vscode.debug.onDidTerminateDebugSession, () => true, 'the debug session ending');
      void vscode.commands.executeCommand('lambdaWorkbench.debugHandler', { uri: uri.toString(), exportName: 'handler', event: example('handlers', 'events', 'hello.json').fsPath });
      await waitFor(() => vscode.debug.activeStackItem instanceof vscode.DebugStackFrame, 'the debugger stopping at the breakpoint');
      await picture('debug-breakpoint');
      await vscode.commands.executeCommand('workbench.action.debug.continue');
      await ended;
    } finally {
      vscode.debug.removeBreakpoints([breakpoint]);
    }
  });
});
