import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IamPreview } from '../../client/src/iam/preview-panel';
import { lensesOf, nextEvent, waitFor } from './wait';

// "Simulate IAM request" in a real VS Code: the statement lenses, the command, the request
// prompt with completion, and the webview as Chromium renders it (its script reads its own
// DOM back to the extension, which also proves the CSP lets it run). Runs in examples/.

const extensionId = 'lambda-workbench.lambda-workbench';
const alice = 'arn:aws:iam::111122223333:user/alice';

describe('IAM: simulate IAM request', () => {
  let folder: vscode.Uri;
  let policy: vscode.TextDocument;

  before(async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'no workspace folder is open');
    folder = workspace.uri;
    await vscode.extensions.getExtension(extensionId)?.activate();
    // An untitled copy of the example, so that editing it leaves examples/ untouched.
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'iam', 'reports-reader.json'));
    policy = await vscode.workspace.openTextDocument({ language: 'json', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(policy);
  });

  it('offers a lens above each statement', async () => {
    const simulates = (lenses: vscode.CodeLens[]) => lenses.filter((l) => l.command?.command === 'lambdaWorkbench.simulateIam');
    const lenses = simulates(await lensesOf(policy.uri, (all) => simulates(all).length > 0, 'the statement lenses'));
    assert.deepEqual(lenses.map((l) => [l.command?.title, policy.lineAt(l.range.start.line).text.trim()]), [
      ['$(shield) Simulate request', '{'],
      ['$(shield) Simulate request', '{'],
      ['$(shield) Simulate request', '{'],
    ]);
    assert.deepEqual(lenses.map((l) => l.range.start.line), [3, 12, 21]);
  });

  it('shows the decision and every statement\'s marks, follows edits, and reveals a statement', async () => {
    const line = `s3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal ${alice} aws:SourceIp=192.0.2.7`;
    const preview = await vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.simulateIam', policy.uri, line);
    assert.ok(preview, 'the command returned no preview');
    const first = await nextEvent(preview.onDidShow, (s) => s.decision !== null, 'the preview showing a decision');
    assert.equal(first.request, line);
    assert.equal(first.decision, 'allowed');
    assert.deepEqual(first.statements, [
      { sid: 'ReadReportsFromTheOffice', applies: true, deciding: true, marks: ['✓ action', '✓ resource', '✓ IpAddress aws:SourceIp'] },
      { sid: 'ListOwnFolder', applies: false, deciding: false, marks: ['✗ action'] },
      { sid: 'NeverDelete', applies: false, deciding: false, marks: ['✗ action'] },
    ]);
    assert.deepEqual(first.missing, []);

    // Narrowing the office range in the policy decides again: the condition fails, nothing allows.
    const at = policy.getText().indexOf('192.0.2.0/24');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(policy.uri, new vscode.Range(policy.positionAt(at), policy.positionAt(at + '192.0.2.0/24'.length)), '192.0.2.128/25');
    const refreshed = nextEvent(preview.onDidShow, (s) => s.decision === 'implicitDeny', 'the preview showing the implicit deny of the edited policy');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const second = await refreshed;
    assert.deepEqual(second.statements[0]?.marks, ['✓ action', '✓ resource', '✗ IpAddress aws:SourceIp']);

    // The page's click on a statement reveals it: post what the page posts.
    const statementAt = policy.getText().indexOf('{\n      "Sid": "NeverDelete"');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    preview.receive({ type: 'reveal', uri: policy.uri.toString(), offset: statementAt, length: 10 });
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document === policy && e.selection.start.line === policy.positionAt(statementAt).line), 'the statement being selected');
    assert.equal(editor.selection.start.character, policy.positionAt(statementAt).character);
    preview.panel.dispose();
  });

  it('adds an SCP, names the missing context values, and decides the explicit deny', async () => {
    const scp = vscode.Uri.joinPath(folder, 'iam', 'deny-regions.scp.json');
    const line = `s3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal ${alice}`;
    const preview = await vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.simulateIam', policy.uri, line, [{ uri: scp, role: 'scp' }]);
    assert.ok(preview);
    const shown = await nextEvent(preview.onDidShow, (s) => s.decision !== null, 'the preview showing a decision');
    assert.equal(shown.decision, 'explicitDeny');
    assert.deepEqual(shown.missing, ['aws:RequestedRegion', 'aws:SourceIp']);
    assert.deepEqual(shown.statements.at(-1), { sid: 'DenyOutsideEU', applies: true, deciding: true, marks: ['✓ action', '✓ resource', '✓ StringNotEquals aws:RequestedRegion'] });
    preview.panel.dispose();
  });

  it('notes a misspelt action above the decision it would otherwise leave unexplained', async () => {
    const preview = await vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.simulateIam', policy.uri, `s3:GetObjet arn:aws:s3:::example-reports/alice/q3.csv --principal ${alice}`);
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.decision !== null, 'the preview showing a decision');
    assert.equal(shown.decision, 'implicitDeny');
    assert.deepEqual(shown.notes.map((n) => n.split(';')[0]), ['Amazon S3 has no action "GetObjet"']);
    preview.panel.dispose();
  });

  it('completes the action in the request prompt from the reference data', async () => {
    const api = vscode.extensions.getExtension<{ onDidShowIamRequestPrompt: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>> }>(extensionId)?.exports;
    assert.ok(api, 'the extension exposes no API');
    const prompt = nextEvent(api.onDidShowIamRequestPrompt, () => true, 'the request prompt showing');
    const command = Promise.resolve(vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.simulateIam', policy.uri, { prefill: 's3:GetObject *' }));
    const pick = await prompt;
    pick.value = 's3:ListBuc';
    await waitFor(() => pick.items[1]?.label === 's3:ListBucket ', 'the completion of s3:ListBuc, below the typed line');
    // As a person would: the arrow key down to the completion, then Enter. The list the
    // extension sets reaches the workbench a moment later, so a Down pressed on the list
    // before it (on a busy machine) lands on the old one and is pressed again.
    await waitFor(async () => {
      const active = pick.activeItems[0]?.label;
      if (active === 's3:ListBucket ') return true;
      if (active === pick.value) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      return undefined;
    }, 'the completion becoming the active item after the arrow key down');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(() => pick.value === 's3:ListBucket ', 'the completion being put in the box');
    pick.value = 's3:ListBucket arn:aws:s3:::example-reports s3:prefix=alice/ --principal ' + alice;
    await waitFor(() => pick.items[0]?.label === pick.value && pick.activeItems[0] === pick.items[0], 'the typed line being offered');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const preview = await command;
    assert.ok(preview);
    const shown = await nextEvent(preview.onDidShow, (s) => s.decision !== null, 'the preview showing a decision');
    assert.equal(shown.decision, 'allowed');
    assert.equal(shown.statements.find((s) => s.deciding)?.sid, 'ListOwnFolder');
    preview.panel.dispose();
  });
});
