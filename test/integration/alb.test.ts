import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownSummary } from '../../client/src/alb/preview-html';
import type { AlbPreview } from '../../client/src/alb/preview-panel';

// "Simulate request through ALB" in a real VS Code: the code lens, the command, and the
// webview as Chromium renders it (its script reads its own DOM back to the extension, which
// also proves the CSP lets the script run). Runs in the examples/ workspace.

const timeoutMs = 30_000;

/** The next summary the preview's page reports that satisfies `predicate`. */
function nextShown(preview: AlbPreview, predicate: (shown: ShownSummary) => boolean): Promise<ShownSummary> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the preview did not show what was expected within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = preview.onDidShow((shown) => {
      if (!predicate(shown)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(shown);
    });
  });
}

describe('ALB: simulate request through ALB', () => {
  let rules: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    // An untitled copy of the example, so that editing it leaves examples/ untouched.
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'alb', 'describe-rules.json'));
    rules = await vscode.workspace.openTextDocument({ language: 'json', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(rules);
  });

  it('offers a code lens on an ALB rules file', async () => {
    // Code lenses are asked for, not announced: ask until the server has analysed the file.
    const deadline = Date.now() + timeoutMs;
    let titles: string[] = [];
    for (;;) {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', rules.uri)) ?? [];
      titles = lenses.filter((l) => l.command?.command === 'lambdaWorkbench.simulateAlb').map((l) => l.command?.title ?? '');
      if (titles.length > 0) break;
      if (Date.now() > deadline) throw new Error(`no ALB code lens within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(titles, ['$(play) Simulate request through ALB']);
  });

  it('shows each rule, the winner and the redirect in the preview, and follows edits', async () => {
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules.uri, 'GET https://example.com/img/1.png -H "User-Agent: curl/8"');
    assert.ok(preview, 'the command returned no preview');
    const first = await nextShown(preview, (shown) => shown.rules.length > 0);
    assert.equal(first.request, 'GET https://example.com/img/1.png -H "User-Agent: curl/8"');
    assert.deepEqual(first.rules, [
      { rule: 'rule 10', state: 'not-matched', conditions: ['not-matched', 'not-matched'] },
      { rule: 'rule 20', state: 'winner', conditions: ['matched'] },
      { rule: 'the default rule', state: 'not-reached', conditions: [] },
    ]);
    assert.equal(first.status, 'HTTP 301 Moved Permanently');
    assert.deepEqual(first.headers, ['Location: https://cdn.example.com:443/img/1.png']);

    // Editing the rules re-routes the request: /img/* no longer matches, the default rule answers.
    const at = rules.getText().indexOf('"/img/*"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(rules.uri, new vscode.Range(rules.positionAt(at), rules.positionAt(at + '"/img/*"'.length)), '"/images/*"');
    const refreshed = nextShown(preview, (shown) => shown.status === 'HTTP 404 Not Found');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const second = await refreshed;
    assert.deepEqual(
      second.rules.map((r) => [r.rule, r.state]),
      [
        ['rule 10', 'not-matched'],
        ['rule 20', 'not-matched'],
        ['the default rule', 'winner'],
      ],
    );
    assert.deepEqual(second.headers, ['Content-Type: text/plain']);
    preview.panel.dispose();
  });
});
