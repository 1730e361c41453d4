import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IamPreview } from '../../client/src/iam/preview-panel';
import { describeDiagnostics, diagnosticCode, nextEvent, waitFor, waitForDiagnostics } from './wait';

// The "Get started" walkthrough in the real VS Code: it opens, and its first step's button
// (the command link in the step's description, run exactly as written) opens the example
// policy with its problems. Runs in the examples/ workspace.

const extensionId = 'lambda-workbench.lambda-workbench';

interface WalkthroughStepJson {
  readonly id: string;
  readonly description: string;
}

describe('walkthrough: Get started with Lambda Workbench', () => {
  it('opens, and its first step opens the example policy with its problems', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    const walkthrough = (extension.packageJSON as { contributes: { walkthroughs: { id: string; steps: WalkthroughStepJson[] }[] } }).contributes.walkthroughs[0];
    assert.ok(walkthrough);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${walkthrough.id}`, false);

    const first = walkthrough.steps[0];
    assert.ok(first);
    const link = /\(command:([\w.]+)\?([^)]+)\)/.exec(first.description);
    assert.ok(link?.[1] && link[2], `step ${first.id} has no command link: ${first.description}`);
    const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
    await vscode.commands.executeCommand(link[1], ...args);

    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/iam/typos.json') === true, 'the example policy opening');
    const uri = vscode.window.activeTextEditor?.document.uri;
    assert.ok(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => ['INVALID_ACTION', 'INVALID_CONDITION_OPERATOR'].every((code) => all.some((d) => diagnosticCode(d) === code)));
    assert.ok(diagnostics.length >= 2, describeDiagnostics(diagnostics));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('its IAM step opens the example policy and decides the request: allowed', async () => {
    const preview = await vscode.commands.executeCommand<IamPreview | undefined>('lambdaWorkbench.tryExample', 'simulate-iam');
    assert.ok(preview, 'the step returned no preview');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/iam/reports-reader.json')), 'the example policy is not open');
    const { decision } = await nextEvent(preview.onDidShow, (shown) => shown.decision !== null, 'the preview showing a decision');
    assert.equal(decision, 'allowed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
