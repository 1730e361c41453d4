import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlbPreview } from '../../client/src/alb/preview-panel';
import { diagnosticCode, lensesOf, nextEvent, waitFor } from './wait';

// "Simulate request through ALB" in a real VS Code: the code lens, the command, and the
// webview as Chromium renders it (its script reads its own DOM back to the extension, which
// also proves the CSP lets the script run). Runs in the examples/ workspace.

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
    const simulates = (lenses: vscode.CodeLens[]) => lenses.filter((l) => l.command?.command === 'lambdaWorkbench.simulateAlb');
    const lenses = await lensesOf(rules.uri, (all) => simulates(all).length > 0, 'the ALB code lens');
    const titles = simulates(lenses).map((l) => l.command?.title ?? '');
    assert.deepEqual(titles, ['$(play) Simulate request through ALB']);
  });

  it('shows each rule, the winner and the redirect in the preview, and follows edits', async () => {
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules.uri, 'GET https://example.com/img/1.png -H "User-Agent: curl/8"');
    assert.ok(preview, 'the command returned no preview');
    const first = await nextEvent(preview.onDidShow, (shown) => shown.rules.length > 0, 'the preview showing the rules');
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
    const refreshed = nextEvent(preview.onDidShow, (shown) => shown.status === 'HTTP 404 Not Found', 'the preview showing the 404 of the edited rules');
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

const extensionId = 'lambda-workbench.lambda-workbench';

/** The prompt the next "Simulate request through ALB" shows, as the extension hands it out. */
function nextPrompt(): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const api = vscode.extensions.getExtension<{ onDidShowAlbRequestPrompt: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>> }>(extensionId)?.exports;
  assert.ok(api, 'the extension exposes no API');
  return nextEvent(api.onDidShowAlbRequestPrompt, () => true, 'the request prompt showing');
}

describe('ALB: the request prompt', () => {
  let rules: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'alb', 'describe-rules.json'));
    rules = await vscode.workspace.openTextDocument({ language: 'json', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(rules);
    // A recent request whose text the typed one below also matches: the one the old prompt wrongly chose.
    const seeded = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules.uri, 'GET http://example.com/api/v1/x');
    assert.ok(seeded);
    await nextEvent(seeded.onDidShow, (shown) => shown.request === 'GET http://example.com/api/v1/x', 'the preview showing the seeded request');
  });

  it('simulates the typed request, not the highlighted recent one, even on an immediate Enter', async () => {
    const prompt = nextPrompt();
    const command = Promise.resolve(vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules.uri));
    const pick = await prompt;
    await waitFor(() => pick.items.some((item) => item.label === 'GET http://example.com/api/v1/x'), 'the recent request being offered');
    pick.value = 'GET http://example.com/api/x';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const preview = await command;
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.rules.length > 0 && s.request === 'GET http://example.com/api/x', 'the preview showing the typed request');
    assert.equal(shown.request, 'GET http://example.com/api/x');
  });

  it('keeps a typed line that is no request in the same box, with the reason; the corrected line wins', async () => {
    const prompt = nextPrompt();
    let second = false;
    const command = Promise.resolve(vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules.uri));
    const pick = await prompt;
    const api = vscode.extensions.getExtension<{ onDidShowAlbRequestPrompt: vscode.Event<unknown> }>(extensionId)?.exports;
    const watch = api?.onDidShowAlbRequestPrompt(() => (second = true));
    try {
      pick.value = 'GET example.com/nothing';
      await waitFor(() => pick.items[0]?.label === 'GET example.com/nothing', 'the typed line being offered');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => /is not an http:\/\/ or https:\/\/ URL|write a method and a URL/.test(pick.items[0]?.detail ?? ''), 'the reason being shown');
      assert.equal(pick.value, 'GET example.com/nothing', 'what was typed stays');
      assert.equal(second, false, 'no second box');
      pick.value = 'GET https://example.com/img/2.png';
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const preview = await command;
      assert.ok(preview);
      const shown = await nextEvent(preview.onDidShow, (s) => s.request === 'GET https://example.com/img/2.png' && s.rules.length > 0, 'the preview showing the corrected request');
      assert.deepEqual(shown.headers, ['Location: https://cdn.example.com:443/img/2.png']);
      assert.equal(second, false, 'no second box');
      preview.panel.dispose();
    } finally {
      watch?.dispose();
    }
  });
});

describe('ALB: a shadowed rule\'s example request', () => {
  it('is offered as a quick action that simulates it in the preview', async () => {
    const text = JSON.stringify({
      Rules: [
        { Priority: '1', Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }], IsDefault: false },
        { Priority: '2', Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/img/*'] } }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }], IsDefault: false },
      ],
    }, null, 2);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
    await vscode.window.showTextDocument(document);
    const shadowed = await waitFor(() => vscode.languages.getDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'alb.shadowed-rule'), 'the shadowed-rule finding');
    assert.ok(shadowed);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, shadowed.range)) ?? [];
    const simulate = actions.find((a) => a.command?.command === 'lambdaWorkbench.simulateAlb');
    assert.equal(simulate?.title, 'Simulate GET https://example.com/img/ in the ALB preview');
    const command = simulate.command;
    assert.ok(command);
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>(command.command, ...((command.arguments ?? []) as unknown[]));
    assert.ok(preview);
    const shown = await nextEvent(preview.onDidShow, (s) => s.rules.length > 0, 'the preview showing the rules');
    assert.equal(shown.request, 'GET https://example.com/img/');
    assert.deepEqual(shown.rules.map((r) => [r.rule, r.state]), [['rule 1', 'winner'], ['rule 2', 'not-reached']]);
    preview.panel.dispose();
  });
});

// examples/handlers/lambda-workbench.json maps the target groups of examples/alb/lambda-targets.json
// to examples/handlers/alb-target.js: the preview invokes it and shows what the client gets.
describe('ALB: a Lambda target in the preview', () => {
  let rules: vscode.Uri;

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    rules = vscode.Uri.joinPath(folder.uri, 'alb', 'lambda-targets.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rules));
  });

  it("shows the handler's response to the event ALB sends", async () => {
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules, 'GET https://example.com/api/echo?x=1&x=2 -H "Cookie: a=1" -H "Cookie: b=2" --source-ip 203.0.113.7');
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.status !== null && (s.target ?? '').startsWith('Lambda alb-target.handler answered'), "the preview showing the handler's answer");
    assert.deepEqual(shown.rules.map((r) => [r.rule, r.state]), [
      ['rule 10', 'winner'],
      ['rule 20', 'not-reached'],
      ['the default rule', 'not-reached'],
    ]);
    assert.match(shown.target ?? '', /^Lambda alb-target\.handler answered in [\d.]+ ms \(target group api in handlers\/lambda-workbench\.json; multi-value headers off\)/);
    assert.equal(shown.status, 'HTTP 200 OK');
    assert.equal(shown.failure, null);
    const body = JSON.parse(shown.body ?? '') as Record<string, unknown>;
    assert.deepEqual(shown.headers, ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(shown.body ?? '')}`]);
    assert.deepEqual(body['query'], { x: '2' }, 'the last value wins without multi-value headers');
    assert.equal(body['forwardedFor'], '203.0.113.7');
    assert.equal(body['path'], '/api/echo');

    // The same panel, another request: a target group with multi-value headers.
    await vscode.commands.executeCommand('lambdaWorkbench.simulateAlb', rules, 'GET https://example.com/v2/cookies');
    const cookies = await nextEvent(preview.onDidShow, (s) => s.body === 'two cookies', 'the preview showing the multi-value cookies');
    assert.deepEqual(cookies.headers, ['Set-Cookie: theme=dark', 'Set-Cookie: lang=en', 'Content-Type: text/plain', 'Content-Length: 11']);
    assert.match(cookies.target ?? '', /multi-value headers on/);
    preview.panel.dispose();
  });

  it("answers 502 as ALB would for a malformed result, naming the reason", async () => {
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules, 'GET https://example.com/api/string-status');
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.status !== null && s.failure !== null, 'the preview showing the failure');
    assert.equal(shown.status, 'HTTP 502 Bad Gateway');
    assert.equal(shown.failure, 'ALB answered itself: LambdaInvalidResponse: statusCode is the string "200", not a number.');
    assert.deepEqual(shown.headers, ['Server: awselb/2.0', 'Content-Type: text/html', 'Content-Length: 122']);
    preview.panel.dispose();
  });

  it("runs a SAM template's own function for its lambda target group, with no mapping", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const template = vscode.Uri.joinPath(folder.uri, 'alb', 'sam-lambda-target.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template));
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', template, 'GET http://example.com/api/echo');
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.status !== null && (s.target ?? '').startsWith('Lambda alb-target.handler answered'), "the preview showing the handler's answer");
    assert.match(shown.target ?? '', /\(target group FunctionTargetGroup → EchoFunction in the template; multi-value headers off\)/);
    assert.equal(shown.status, 'HTTP 200 OK');
    assert.equal((JSON.parse(shown.body ?? '') as { path: string }).path, '/api/echo');
    preview.panel.dispose();
  });
});

// Run by `npm run test:vscode` a second time with --untrusted --grep untrusted (see package.json).
describe('ALB: a Lambda target in an untrusted workspace', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('routes the request but does not invoke the handler, and says why', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const rules = vscode.Uri.joinPath(folder.uri, 'alb', 'lambda-targets.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rules));
    const preview = await vscode.commands.executeCommand<AlbPreview | undefined>('lambdaWorkbench.simulateAlb', rules, 'GET https://example.com/api/echo');
    assert.ok(preview, 'the command returned no preview');
    const shown = await nextEvent(preview.onDidShow, (s) => s.target !== null, 'the preview showing the target');
    assert.deepEqual(shown.rules.map((r) => r.state), ['winner', 'not-reached', 'not-reached']);
    assert.equal(
      shown.target,
      'Target group api is mapped to alb-target.handler (api in handlers/lambda-workbench.json), but invoking it runs its code, which needs a trusted workspace. Trust this workspace to see its response.',
    );
    assert.equal(shown.status, null, 'no response: nothing ran');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && d.getText().includes('START RequestId')), false, 'no function log');
    preview.panel.dispose();
  });
});
