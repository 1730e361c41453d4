import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { handlerLenses, waitFor } from './wait';

// The local runtime through the real client: the code lens above a handler, its command as
// a click runs it, the result document and the log. Runs in the examples/ workspace, where
// examples/handlers/lambda-workbench.json gives cjs.handler its event, memory and environment,
// and examples/.vscode/settings.json (lambdaWorkbench.functions) its timeout and one more variable.

const extensionId = 'lambda-workbench.lambda-workbench';

interface InvokeResult {
  readonly requestId: string;
  readonly status: string;
  readonly payload: string;
}

describe('runtime: Invoke handler', () => {
  let handlerUri: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    handlerUri = vscode.Uri.joinPath(folder.uri, 'handlers', 'cjs.js');
    const document = await vscode.workspace.openTextDocument(handlerUri);
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await waitFor(() => extension.isActive, `${extensionId} activating on a JavaScript file`);
  });

  it('shows Invoke handler above each exported handler', async () => {
    const lenses = await handlerLenses(handlerUri);
    const invokes = lenses.filter((l) => l.command?.command === 'lambdaWorkbench.invokeHandler');
    assert.deepEqual(
      invokes.map((l) => (l.command?.arguments?.[0] as { exportName: string }).exportName),
      ['handler'],
    );
    assert.equal(invokes[0]?.command?.title, '$(play) Invoke handler');
    assert.equal(invokes[0]?.range.start.line, 1, 'on the line of exports.handler');
  });

  it('runs the handler when the lens is clicked, shows the result as JSON and streams the log', async () => {
    const lenses = await handlerLenses(handlerUri);
    const lens = lenses.find((l) => l.command?.command === 'lambdaWorkbench.invokeHandler');
    assert.ok(lens?.command, 'no Invoke handler lens');

    const result = await vscode.commands.executeCommand<InvokeResult>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.ok(result, 'the command ran nothing');
    assert.equal(result.status, 'success', result.payload);
    const body = JSON.parse(result.payload) as { event: unknown; context: { memoryLimitInMB: string; awsRequestId: string; remainingTimeInMillis: number }; env: { greeting: string; stage: string } };
    assert.deepEqual(body.event, { name: 'Ada' }, 'the event named in lambda-workbench.json');
    assert.equal(body.context.memoryLimitInMB, '256', 'the memory size in lambda-workbench.json');
    assert.equal(body.context.awsRequestId, result.requestId);
    assert.equal(body.env.greeting, 'from lambda-workbench.json');
    assert.equal(body.env.stage, 'local', 'the environment in .vscode/settings.json, merged with the file\'s');
    const remaining = body.context.remainingTimeInMillis;
    assert.ok(remaining > 5000 && remaining <= 8000, `the 8 s timeout in .vscode/settings.json overrides the file's 5 s (remaining ${remaining} ms)`);

    const resultDocument = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path === '/cjs.handler.json');
    assert.ok(resultDocument, 'the result document is open');
    assert.equal(resultDocument.languageId, 'json');
    assert.deepEqual(JSON.parse(resultDocument.getText()), body);

    let log = '';
    await waitFor(() => {
      log = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output').map((d) => d.getText()).join('\n');
      return log.includes(`REPORT RequestId: ${result.requestId}`);
    }, 'the REPORT line in the Lambda Workbench: Functions output');
    assert.match(log, new RegExp(`START RequestId: ${result.requestId} Version: \\$LATEST\\n.*\\tINFO\\tevent received \\{"name":"Ada"\\}\\nEND RequestId: ${result.requestId}\\n`));
  });

  it('keeps the environment warm for the next invoke', async () => {
    const args = { uri: handlerUri.toString(), exportName: 'handler' };
    const first = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    const second = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    const pid = (r: InvokeResult | undefined) => (JSON.parse(r?.payload ?? '{}') as { env?: { pid?: number } }).env?.pid;
    assert.equal(first?.status, 'success');
    assert.equal(second?.status, 'success');
    assert.notEqual(first?.requestId, second?.requestId);
    assert.equal(pid(first), pid(second));
  });
});

describe('runtime: the event of a handler', () => {
  it('is remembered per handler: the lens shows it and the next invoke uses it without asking', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'esm.mjs');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const event = vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath;
    const args = { uri: uri.toString(), exportName: 'handler' };
    const first = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', { ...args, event });
    assert.deepEqual((JSON.parse(first?.payload ?? '{}') as { event: unknown }).event, { name: 'Ada' });
    const eventLens = (await handlerLenses(uri)).find((l) => l.command?.command === 'lambdaWorkbench.chooseEvent');
    assert.equal(eventLens?.command?.title, 'Event: events/hello.json');
    // Were it not remembered, the command would wait on the event picker and time out.
    const second = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    assert.deepEqual((JSON.parse(second?.payload ?? '{}') as { event: unknown }).event, { name: 'Ada' });
  });
});

describe('runtime: the event lens', () => {
  it('names an event outside the handler\'s folder relative to the workspace, not in full', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'hello.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const event = vscode.Uri.joinPath(folder.uri, 'edge', 'events', 'viewer-request.json').fsPath;
    const result = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'handler', event });
    assert.equal(result?.status, 'success', result?.payload);
    const eventLens = (await handlerLenses(uri)).find((l) => l.command?.command === 'lambdaWorkbench.chooseEvent');
    assert.equal(eventLens?.command?.title, 'Event: edge/events/viewer-request.json');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('runtime: choosing the event', () => {
  it('asks the first time with a quick pick; the choice is used, shown on the lens and remembered', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'callback.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const args = { uri: uri.toString(), exportName: 'handler' };
    assert.equal((await handlerLenses(uri)).find((l) => l.command?.command === 'lambdaWorkbench.chooseEvent')?.command?.title, 'Choose event…', 'no event chosen yet');

    // The invoke waits on the picker; accept its first entry (a recent or workspace JSON file) once it shows.
    let settled = false;
    const invoked = Promise.resolve(vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args)).finally(() => (settled = true));
    await waitFor(async () => {
      if (!settled) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([invoked, new Promise((resolve) => setTimeout(resolve, 200))]);
      }
      return settled;
    }, 'the invoke returning once its event was picked');
    const first = await invoked;
    assert.equal(first?.status, 'success', first?.payload);

    const eventLens = (await handlerLenses(uri)).find((l) => l.command?.command === 'lambdaWorkbench.chooseEvent');
    const shown = /^Event: (.+\.json)$/.exec(eventLens?.command?.title ?? '')?.[1];
    assert.ok(shown, `the lens names the chosen file (${eventLens?.command?.title ?? 'no lens'})`);
    // Named relative to the handler's folder, or to the workspace when outside it: never in full.
    assert.ok(!shown.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(shown), `the lens names ${shown} in full`);
    const inRoot = vscode.Uri.joinPath(folder.uri, 'handlers', shown);
    const file = existsSync(inRoot.fsPath) ? inRoot : vscode.Uri.joinPath(folder.uri, shown);
    const event = JSON.parse(await readWorkspaceFile(file)) as { name?: unknown };
    assert.deepEqual(JSON.parse(first.payload), JSON.parse(JSON.stringify({ hello: event.name })), 'the handler got the chosen file as its event');

    // Remembered: no picker this time (an unanswered picker would hold the command until the test times out).
    const second = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    assert.equal(second?.payload, first.payload);
  });
});

describe('runtime: a streaming handler (awslambda.streamifyResponse)', () => {
  it("shows a function URL response as JSON: the prelude's status, headers and cookies, and the body", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'streaming.js');
    const event = vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath;
    const result = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'http', event });
    assert.equal(result?.status, 'success', result?.payload);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path === '/streaming.http.json');
    assert.ok(document, 'the result document is open');
    assert.deepEqual(JSON.parse(document.getText()), { statusCode: 201, headers: { 'x-streamed': 'yes' }, cookies: ['a=1'], body: '<p>created</p>', isBase64Encoded: false });
  });

  it('shows what the handler streams as it arrives, before the invoke is over', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'streaming.js');
    const event = vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath;
    let settled = false;
    // slowChunks writes "first", waits 300 ms, then ends with "last".
    const invoked = Promise.resolve(vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'slowChunks', event })).finally(() => (settled = true));
    const shown = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path === '/streaming.slowChunks.txt')?.getText();
    await waitFor(() => shown() === 'first\n', 'the first chunk showing in the result document');
    assert.equal(settled, false, 'the first chunk showed while the handler was still running');
    await invoked;
    await waitFor(() => shown() === 'first\nlast\n', 'the whole stream showing in the result document');
  });

  it('shows streamed text as text', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'streaming.js');
    const event = vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath;
    await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'chunks', event });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path === '/streaming.chunks.txt');
    assert.equal(document?.getText(), 'one\ntwo\nthree\n');
    assert.equal(document?.languageId, 'plaintext');
  });
});

async function readWorkspaceFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('runtime: an error in the handler', () => {
  it('reports the error type and the handler\'s frame, in the result and in the extension\'s log', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'errors.js');
    const event = vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath;
    const result = await vscode.commands.executeCommand<InvokeResult & { errorType?: string }>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'throws', event });
    assert.equal(result?.status, 'function-error');
    assert.equal(result.errorType, 'ValidationError');
    await vscode.commands.executeCommand('lambdaWorkbench.showOutput');
    const line = `errors.throws: ValidationError: name is required (at ${uri.fsPath}:11:9)`;
    await waitFor(() => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && d.getText().includes(line)), `"${line}" showing in the Lambda Workbench output`);
  });

  it('places a syntax error in an ES module, which Lambda and Node place nowhere', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'syntax-error-esm.mjs');
    const result = await vscode.commands.executeCommand<InvokeResult & { errorType?: string }>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'handler', event: vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath });
    assert.equal(result?.errorType, 'Runtime.UserCodeSyntaxError');
    await vscode.commands.executeCommand('lambdaWorkbench.showOutput');
    const line = `syntax-error-esm.handler: Runtime.UserCodeSyntaxError: SyntaxError: Unexpected token ';' (at ${uri.fsPath}:2:21)`;
    await waitFor(() => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && d.getText().includes(line)), `"${line}" showing in the Lambda Workbench output`);
  });
});

describe('runtime: Start local endpoint', () => {
  it('serves the handler on the emulator\'s URL until stopped, its port in the status bar', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const api = vscode.extensions.getExtension<{ endpointStatus: () => { text: string; tooltip: string } | undefined }>(extensionId)?.exports;
    assert.ok(api, 'the extension is active and returns its API');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'counter.js');
    const url = await vscode.commands.executeCommand<string | undefined>('lambdaWorkbench.startEndpoint', { uri: uri.toString(), exportName: 'handler', port: 0 });
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/2015-03-31\/functions\/function\/invocations$/);
    const port = new URL(url ?? '').port;
    assert.deepEqual(api.endpointStatus(), { text: `$(broadcast) λ :${port}`, tooltip: `**counter.handler** on\n\n\`${url}\`\n\nClick to stop.` });
    const answers: number[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url ?? '', { method: 'POST', body: '{}' });
      assert.equal(response.status, 200);
      answers.push(((await response.json()) as { invocations: number }).invocations);
    }
    assert.deepEqual(answers, [1, 2], 'warm between requests');
    assert.equal(await vscode.commands.executeCommand<boolean>('lambdaWorkbench.stopEndpoint'), true, 'it stopped the running endpoint');
    await assert.rejects(fetch(url ?? '', { method: 'POST', body: '{}' }), 'the endpoint is closed');
    assert.equal(api.endpointStatus(), undefined, 'the status bar item is gone');
    // With nothing running the command says so (a notice) instead of doing nothing silently.
    assert.equal(await vscode.commands.executeCommand<boolean>('lambdaWorkbench.stopEndpoint'), false);
  });

  it('serves a handler as a function URL: any path, the response the function URL makes', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'function-url.js');
    const url = await vscode.commands.executeCommand<string | undefined>('lambdaWorkbench.startFunctionUrl', { uri: uri.toString(), exportName: 'handler', port: 0 });
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const created = await fetch(`${url ?? ''}created`);
    assert.deepEqual([created.status, created.headers.getSetCookie(), await created.text()], [201, ['a=1; Path=/', 'b=2'], 'created']);
    await vscode.commands.executeCommand('lambdaWorkbench.stopEndpoint');
    await assert.rejects(fetch(`${url ?? ''}created`), 'the function URL is closed');
  });
});

// Run by `npm run test:vscode` a second time with --untrusted --grep untrusted (see package.json).
describe('runtime: in an untrusted workspace', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('offers no invoke: the lens says why, and the command runs nothing', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'counter.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await handlerLenses(uri);
    const titles = lenses.map((l) => l.command?.title);
    assert.deepEqual(titles, ['$(shield) Invoke handler (needs a trusted workspace)']);
    const result = await vscode.commands.executeCommand<unknown>('lambdaWorkbench.invokeHandler', { uri: uri.toString(), exportName: 'handler' });
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'lambda-workbench-result'), false, 'no result was shown');
  });
});

describe('runtime: never stale, warm otherwise', () => {
  it('answers with the new code after an edit and a save, and stays warm after that', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'reload-check.js');
    const source = (version: string) => `let invocations = 0;\nexports.handler = async () => ({ version: '${version}', invocations: ++invocations, pid: process.pid });\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(source('one')));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const args = { uri: uri.toString(), exportName: 'handler', event: vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath };
      const invoke = async () => {
        const result = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
        assert.equal(result?.status, 'success', result?.payload);
        return JSON.parse(result.payload) as { version: string; invocations: number; pid: number };
      };
      const first = await invoke();
      assert.deepEqual([first.version, first.invocations], ['one', 1]);

      // As a user does: change the text in the editor, save, click Invoke again.
      const quote = document.getText().indexOf("'one'");
      assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(quote), document.positionAt(quote + 5)), "'two'")));
      assert.ok(await document.save());
      const second = await invoke();
      assert.deepEqual([second.version, second.invocations], ['two', 1], 'the new code, in a fresh environment');
      assert.notEqual(second.pid, first.pid);

      const third = await invoke();
      assert.deepEqual([third.version, third.invocations, third.pid], ['two', 2, second.pid], 'warm: module state kept');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('runtime: a Python handler', () => {
  it('gets the Invoke handler lens (no Debug lens) and runs in python3, warm on the next invoke', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'python', 'app.py');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await handlerLenses(uri);
    const invoke = lenses.find((l) => l.command?.command === 'lambdaWorkbench.invokeHandler');
    assert.ok(invoke?.command, 'no Invoke handler lens');
    assert.equal((invoke.command.arguments?.[0] as { exportName: string }).exportName, 'handler');
    assert.ok(!lenses.some((l) => l.command?.command === 'lambdaWorkbench.debugHandler'), 'no Debug lens on Python');
    const args = { ...(invoke.command.arguments?.[0] as object), event: vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath };
    const first = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    assert.equal(first?.status, 'success', first?.payload);
    const second = await vscode.commands.executeCommand<InvokeResult>('lambdaWorkbench.invokeHandler', args);
    const body = JSON.parse((JSON.parse(second?.payload ?? '{}') as { body: string }).body) as { hello: string; invocations: number };
    assert.deepEqual(body, { hello: 'Ada', invocations: 2, stage: 'local' });
  });
});
