import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, waitFor, waitForDiagnostics } from './wait';

// The foundation through the real client: activation, the server's diagnostics reaching
// VS Code, and the commands. Runs in the examples/ workspace (see test/harness).

const extensionId = 'lambda-workbench.lambda-workbench';
const source = 'lambda-workbench';

function ours(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === source && diagnosticCode(d) === code);
}

function linesMatching(document: vscode.TextDocument, pattern: RegExp): number[] {
  const lines: number[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    if (pattern.test(document.lineAt(line).text)) lines.push(line);
  }
  return lines;
}

describe('foundation', () => {
  it('activates when a JSON document opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    await vscode.workspace.openTextDocument({ language: 'json', content: '{}' });
    await waitFor(() => extension.isActive, `${extensionId} activating`);
  });

  it('reports a duplicate key of a workspace IAM policy on one of the duplicates', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'iam', 'duplicate-key.json'));
    await vscode.window.showTextDocument(document);

    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all, 'json.duplicate-key').length > 0);

    const effectLines = linesMatching(document, /"Effect"\s*:/);
    assert.equal(effectLines.length, 2, 'the fixture should have the key "Effect" twice');
    for (const duplicate of ours(diagnostics, 'json.duplicate-key')) {
      assert.ok(
        effectLines.includes(duplicate.range.start.line),
        `json.duplicate-key at line ${duplicate.range.start.line}, expected one of ${effectLines.join(', ')}`,
      );
    }
  });

  it('leaves JSON syntax errors to VS Code', async () => {
    // The duplicate key makes our diagnostics arrive, so their lack of json.syntax means something.
    const content = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    { "Effect": "Allow", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*" }',
      '  ],',
      '  "Broken": ',
      '}',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document);

    const diagnostics = await waitForDiagnostics(
      document.uri,
      (all) => ours(all, 'json.duplicate-key').length > 0 && all.some((d) => d.source === 'json'),
    );

    assert.deepEqual(ours(diagnostics, 'json.syntax'), [], `VS Code reports syntax errors already; we have ${describeDiagnostics(diagnostics)}`);
  });

  it('has a command that shows its output', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('lambdaWorkbench.showOutput'), 'lambdaWorkbench.showOutput is not registered');
    await vscode.commands.executeCommand('lambdaWorkbench.showOutput');
  });
});
