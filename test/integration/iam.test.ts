import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, waitForDiagnostics } from './wait';

// IAM through the real client, in the examples/ workspace: diagnostics, hover,
// completion and a quick fix on examples/iam/typos.json.

const source = 'lambda-workbench';

async function openExample(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'iam', name));
  await vscode.window.showTextDocument(document);
  return document;
}

function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

describe('IAM policies', () => {
  it('reports an unknown action on its string, with the suggestion', async () => {
    const document = await openExample('typos.json');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'INVALID_ACTION'));
    const invalid = diagnostics.find((d) => d.source === source && diagnosticCode(d) === 'INVALID_ACTION');
    assert.ok(invalid, describeDiagnostics(diagnostics));
    assert.equal(document.getText(invalid.range), '"s3:GetObjectt"');
    assert.equal(invalid.message, 'Amazon S3 has no action "GetObjectt". Did you mean "s3:GetObject"?');
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
  });

  it('hovers an action with its description and access level', async () => {
    const document = await openExample('typos.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 's3:ListBucket', 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*s3:ListBucket\*\* \(List\)/);
    assert.match(text, /list_amazons3\.html/);
  });

  it('completes the actions of the typed service', async () => {
    const document = await openExample('typos.json');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 's3:ListBucket', 3));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('s3:PutObject'), `${labels.length} proposals, e.g. ${labels.slice(0, 5).join(', ')}`);
  });

  it('fixes the unknown action with the quick fix', async () => {
    const document = await openExample('typos.json');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'INVALID_ACTION'));
    const invalid = diagnostics.find((d) => diagnosticCode(d) === 'INVALID_ACTION');
    assert.ok(invalid);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, invalid.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "s3:GetObject"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.match(document.getText(), /"Action": \["s3:GetObject", "s3:ListBucket"\]/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
