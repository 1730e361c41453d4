import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, waitForDiagnostics } from './wait';

// SAM templates in YAML through the real client, in the examples/ workspace:
// the checks reach examples/sam/template.yaml and a quick fix edits it as YAML.

async function openTemplate(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sam', 'template.yaml'));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('YAML templates', () => {
  it('reports Lambda@Edge and IAM findings in a SAM template', async () => {
    const document = await openTemplate();
    assert.equal(document.languageId, 'yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'edge.function-version'));
    const version = diagnostics.find((d) => diagnosticCode(d) === 'edge.function-version');
    assert.ok(version, describeDiagnostics(diagnostics));
    assert.equal(document.getText(version.range), '!GetAtt DynamicOriginFunction.Arn');
    const invalid = diagnostics.find((d) => diagnosticCode(d) === 'INVALID_ACTION');
    assert.equal(invalid && document.getText(invalid.range), 's3:PutObjectt');
  });

  it('adds the missing trusted service with the quick fix, as a YAML list item', async () => {
    const document = await openTemplate();
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => diagnosticCode(d) === 'edge.execution-role-trust'));
    const trust = diagnostics.find((d) => diagnosticCode(d) === 'edge.execution-role-trust');
    assert.ok(trust, describeDiagnostics(diagnostics));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, trust.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Trust edgelambda.amazonaws.com');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      assert.match(document.getText(), /\n {16}- lambda\.amazonaws\.com\n {16}- edgelambda\.amazonaws\.com\n/);
      await waitForDiagnostics(document.uri, (all) => !all.some((d) => diagnosticCode(d) === 'edge.execution-role-trust'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
