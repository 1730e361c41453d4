import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeSessionUnder, breakAt, isRunning, nextStop, outputText, recordTraffic, resultOf, rootOf, sessionEnd, stackOf, stopsFromNowOn, timeoutMs, waitForDocument, type Stop } from './debug-session';
import { handlerLenses, waitFor } from './wait';

/** The Duration of the REPORT line of `requestId` in the functions' log, in ms, once the log shows it. */
async function reportedDuration(requestId: string): Promise<number> {
  const report = new RegExp(`REPORT RequestId: ${requestId}\tDuration: ([\\d.]+) ms`);
  await waitFor(() => report.test(outputText()), `the REPORT line of ${requestId} showing in the log`, timeoutMs);
  return Number(report.exec(outputText())?.[1]);
}

// Debugging handlers in the real VS Code with its built-in JavaScript debugger (js-debug):
// the launch configurations of examples/.vscode/launch.json and the "Debug handler" lens.
// A tracker watches the Debug Adapter Protocol traffic for the stop; the stopped location is
// read back with a stackTrace request, as the Call Stack view reads it.

const extensionId = 'lambda-workbench.lambda-workbench';

describe('debug: lambda-workbench launch configurations', () => {
  const traffic: string[] = [];
  let recording: vscode.Disposable | undefined;

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(`Debug Adapter Protocol traffic of "${this.currentTest.title}":\n${traffic.join('\n')}`);
    traffic.length = 0;
  });

  let folder: vscode.WorkspaceFolder;
  let handlers: vscode.Uri;

  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'no workspace folder is open');
    folder = first;
    handlers = vscode.Uri.joinPath(folder.uri, 'handlers');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    // Other suites leave untitled editors dirty; saving them before each start would ask where (Save As).
    await vscode.workspace.getConfiguration('debug').update('saveBeforeStart', 'none', vscode.ConfigurationTarget.Global);
    // The first session would open the Debug Console in the panel, closing the functions' log the tests read.
    await vscode.workspace.getConfiguration('debug').update('internalConsoleOptions', 'neverOpen', vscode.ConfigurationTarget.Global);
    recording = recordTraffic(traffic);
  });

  after(async () => {
    recording?.dispose();
    await vscode.workspace.getConfiguration('debug').update('saveBeforeStart', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('debug').update('internalConsoleOptions', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(() => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
  });

  it('stops at a breakpoint in a JavaScript handler on the first invoke, with the timeout suspended, then shows the result', async () => {
    const name = 'Debug cjs.handler (JavaScript)';
    const file = vscode.Uri.joinPath(handlers, 'cjs.js');
    breakAt(file, 3);
    const stopped = nextStop('cjs.js:3');
    const ended = sessionEnd(name);
    const started = Date.now();
    assert.equal(await vscode.debug.startDebugging(folder, name), true, 'the session started');
    const stop = await stopped;
    console.log(`debug: ${name}: F5 to the stop at the breakpoint in ${Date.now() - started} ms`);
    assert.equal(rootOf(stop.session).name, name, 'the stop is in a session under ours');

    const frames = await stackOf(stop);
    const top = frames[0];
    assert.equal(top?.source?.path, file.fsPath, `stopped in ${top?.source?.path ?? '?'}`);
    assert.equal(top?.line, 3);
    assert.ok(
      frames.slice(1).every((f) => f.source?.presentationHint === 'deemphasize' || f.presentationHint === 'deemphasize' || f.presentationHint === 'label'),
      `only the handler's frame stands out: ${frames.map((f) => `${f.name} ${f.source?.path ?? ''} ${f.source?.presentationHint ?? f.presentationHint ?? ''}`).join(' | ')}`,
    );

    // The configuration's timeout is 1 s: stay paused past it, as a person stepping through would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stop.session.customRequest('continue', { threadId: stop.threadId });

    const body = await resultOf('cjs.handler', (b) => (b['env'] as { greeting?: string } | undefined)?.greeting === 'from launch.json');
    assert.deepEqual(body['event'], { name: 'Ada' }, 'the event file of the configuration');
    const context = body['context'] as { awsRequestId: string; memoryLimitInMB: string; remainingTimeInMillis: number };
    assert.equal(context.memoryLimitInMB, '512', 'memorySize of the configuration');
    // Neither the enforced timeout nor the handler's context counts the pause.
    assert.ok(context.remainingTimeInMillis > 0 && context.remainingTimeInMillis <= 1000, `1.5 s paused did not count against the 1 s timeout (${context.remainingTimeInMillis} ms left)`);
    assert.ok((await reportedDuration(context.awsRequestId)) < 1000, 'the REPORT duration leaves the pause out');

    await ended;
    const pid = (body['env'] as { pid: number }).pid;
    await waitFor(() => !isRunning(pid), `the environment's process ${pid} ending`, timeoutMs);
  });

  it('steps through a handler, each stop suspending the timeout', async () => {
    const name = 'Debug cjs.handler (JavaScript)';
    const file = vscode.Uri.joinPath(handlers, 'cjs.js');
    breakAt(file, 3);
    const stops = stopsFromNowOn();
    try {
      const ended = sessionEnd(name);
      assert.equal(await vscode.debug.startDebugging(folder, name), true);
      const stop = await stops.next('cjs.js:3');
      // Two stops of 0.7 s each: longer than the 1 s timeout together, as a person stepping would take.
      await new Promise((resolve) => setTimeout(resolve, 700));
      await stop.session.customRequest('next', { threadId: stop.threadId });
      const stepped = await stops.next('cjs.js:4 after a step');
      assert.equal((await stackOf(stepped))[0]?.line, 4);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await stepped.session.customRequest('continue', { threadId: stepped.threadId });
      const body = await resultOf('cjs.handler', (b) => (b['env'] as { greeting?: string } | undefined)?.greeting === 'from launch.json');
      assert.ok((await reportedDuration((body['context'] as { awsRequestId: string }).awsRequestId)) < 1000, 'the REPORT duration leaves the stops out');
      await ended;
    } finally {
      stops.dispose();
    }
  });

  it('times out a handler that busy-loops past its timeout under the debugger, as Invoke handler does', async () => {
    const name = 'Debug slow.spin';
    const attached: string[] = [];
    const subscription = vscode.debug.onDidStartDebugSession((s) => s.parentSession && rootOf(s).name === name && attached.push(s.name));
    try {
      const ended = sessionEnd(name);
      assert.equal(await vscode.debug.startDebugging(folder, { type: 'lambda-workbench', request: 'launch', name, root: '${workspaceFolder}/handlers', handler: 'slow.spin', event: {}, timeout: 1 }), true);
      const body = await resultOf('slow.spin', (b) => b['errorType'] === 'Sandbox.Timedout');
      assert.match(String(body['errorMessage']), /^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/);
      await ended;
      const requestId = /RequestId: (\S+)/.exec(String(body['errorMessage']))?.[1] ?? '';
      await waitFor(() => outputText().includes(`REPORT RequestId: ${requestId}`), `the REPORT line of ${requestId} showing in the log`, timeoutMs);
      assert.match(outputText(), new RegExp(`Z ${requestId} Task timed out after 1\\.00 seconds\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\tDuration: 1000\\.00 ms\t.*\tStatus: timeout\tError Type: Sandbox\\.Timedout`));
    } finally {
      subscription.dispose();
    }
    assert.ok(attached.length > 0, 'the JavaScript debugger was attached');
  });

  const typeScriptCases = [
    {
      what: 'a TypeScript handler through its source map',
      name: 'Debug greet.handler (TypeScript)',
      file: ['typescript', 'greet.ts'],
      line: 7,
      handler: 'typescript/greet.handler',
      done: (b: Record<string, unknown>) => b['greeting'] === 'Hello, TypeScript' && b['dirname'] === true,
    },
    {
      what: 'a TypeScript ES module',
      name: 'Debug typed.handler (TypeScript, ES module)',
      file: ['esm-package', 'typed.ts'],
      line: 9,
      handler: 'esm-package/typed.handler',
      done: (b: Record<string, unknown>) => b['message'] === 'HELLO MODULE!',
    },
  ];
  for (const c of typeScriptCases) {
    it(`stops at a breakpoint in ${c.what}`, async () => {
      const file = vscode.Uri.joinPath(handlers, ...c.file);
      breakAt(file, c.line);
      const stopped = nextStop(`${c.file.at(-1) ?? ''}:${c.line}`);
      const started = Date.now();
      assert.equal(await vscode.debug.startDebugging(folder, c.name), true);
      const stop = await stopped;
      console.log(`debug: ${c.name}: F5 to the stop at the breakpoint in ${Date.now() - started} ms`);
      const top = (await stackOf(stop))[0];
      assert.equal(top?.source?.path, file.fsPath, `stopped in ${top?.source?.path ?? '?'}`);
      assert.equal(top?.line, c.line);
      await stop.session.customRequest('continue', { threadId: stop.threadId });
      await resultOf(c.handler, c.done);
    });
  }

  it('stops at a breakpoint in the TypeScript source of a handler built ahead of time, through the source map beside the build', async () => {
    // Built as a project builds it (tsc or esbuild to dist/, an external .map); the handler string names the built file.
    const source = vscode.Uri.joinPath(handlers, 'precompiled', 'src', 'app.ts');
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    esbuild.buildSync({ entryPoints: [source.fsPath], outdir: vscode.Uri.joinPath(handlers, 'precompiled', 'dist').fsPath, sourcemap: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    breakAt(source, 7);
    const stopped = nextStop('app.ts:7');
    const configuration = { type: 'lambda-workbench', request: 'launch', name: 'Debug precompiled/dist/app.handler', root: '${workspaceFolder}/handlers', handler: 'precompiled/dist/app.handler', event: { name: 'built' } };
    assert.equal(await vscode.debug.startDebugging(folder, configuration), true);
    const stop = await stopped;
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, source.fsPath, `stopped in ${top?.source?.path ?? '?'}`);
    assert.equal(top?.line, 7);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    await resultOf('precompiled/dist/app.handler', (b) => b['shout'] === 'BUILT' && b['built'] === true);
  });

  it('routes the request through the ALB rules, stops in the handler with the Lambda target event, and gives the client\'s answer', async () => {
    const name = 'Debug alb-target.handler behind an ALB';
    const file = vscode.Uri.joinPath(handlers, 'alb-target.js');
    breakAt(file, 13);
    const stopped = nextStop('alb-target.js:13');
    const ended = sessionEnd(name);
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await stopped;
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, file.fsPath);
    assert.equal(top?.line, 13);
    const path = (await stop.session.customRequest('evaluate', { expression: 'event.path', context: 'repl', frameId: top?.id })) as { result: string };
    assert.equal(path.result, "'/api/echo'", 'the event in the paused handler is the one ALB sends');
    await stop.session.customRequest('continue', { threadId: stop.threadId });

    const result = await resultOf('alb-target.handler', (b) => b['statusCode'] === 200);
    const echoed = JSON.parse(String(result['body'])) as Record<string, unknown>;
    assert.deepEqual(echoed, {
      method: 'POST',
      path: '/api/echo',
      query: { id: '8' },
      host: 'example.com',
      forwardedFor: '127.0.0.1',
      body: '{"item": "book"}',
      isBase64Encoded: false,
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/6d0ecf831eec9f09',
    });
    await ended;
    await waitFor(() => outputText().includes('ALB answers HTTP 200 OK'), "ALB's answer showing in the Lambda Workbench: Functions output", timeoutMs);
    assert.match(outputText(), /ALB POST https:\/\/example\.com\/api\/echo\?id=7&id=8 → rule 10 → arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/api\/6d0ecf831eec9f09\n/);
  });

  it('sends a viewer request through CloudFront\'s triggers and stops in the viewer-response handler, then reports the chain', async () => {
    const name = 'Debug security-headers.handler behind CloudFront';
    const file = vscode.Uri.joinPath(folder.uri, 'edge', 'handlers', 'security-headers.mjs');
    breakAt(file, 8);
    const stopped = nextStop('security-headers.mjs:8');
    const ended = sessionEnd(name);
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await stopped;
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, file.fsPath);
    assert.equal(top?.line, 8);
    // pretty-urls ran first as the viewer-request function: the request the viewer-response function sees was rewritten.
    const uri = (await stop.session.customRequest('evaluate', { expression: 'event.Records[0].cf.request.uri', context: 'repl', frameId: top?.id })) as { result: string };
    assert.equal(uri.result, "'/docs/index.html'");
    // Paused past the function's 3 s timeout and viewer-response's 5 s limit: neither counts the pause.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    await stop.session.customRequest('continue', { threadId: stop.threadId });

    const result = await resultOf('handlers/security-headers.handler', (b) => (b['headers'] as Record<string, unknown> | undefined)?.['strict-transport-security'] !== undefined);
    assert.equal(result['status'], '200');
    await ended;
    const report = await waitForDocument((d) => d.languageId === 'markdown' && d.getText().startsWith('# CloudFront simulation of edge/events/viewer-request-docs.json'), 'the CloudFront report opening');
    const text = report.getText();
    assert.match(text, /## viewer-request: `handlers\/pretty-urls\.handler`/);
    assert.match(text, /## viewer-response: `handlers\/security-headers\.handler`/);
    assert.match(text, /## The viewer gets 200 OK/);
  });

  it('"Debug handler" lens starts the same session without a launch configuration', async () => {
    const file = vscode.Uri.joinPath(handlers, 'typescript', 'greet.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const lens = (await handlerLenses(file, timeoutMs)).find((l) => l.command?.command === 'lambdaWorkbench.debugHandler');
    assert.equal(lens?.command?.title, '$(debug-alt) Debug handler');
    const args = lens?.command?.arguments?.[0] as { uri: string; exportName: string };
    assert.equal(args.exportName, 'handler');

    breakAt(file, 8);
    const stopped = nextStop('greet.ts:8');
    const event = vscode.Uri.joinPath(handlers, 'events', 'hello.json').fsPath;
    assert.equal(await vscode.commands.executeCommand<boolean>('lambdaWorkbench.debugHandler', { ...args, event }), true);
    const stop = await stopped;
    assert.equal(rootOf(stop.session).name, 'Debug typescript/greet.handler');
    assert.equal(rootOf(stop.session).type, 'lambda-workbench');
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, file.fsPath);
    assert.equal(top?.line, 8);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    await resultOf('typescript/greet.handler', (b) => b['greeting'] === 'Hello, Ada');
  });

  it('stopping the session while paused shuts the environment down, with no result', async () => {
    const name = 'Debug cjs.handler (JavaScript)';
    const file = vscode.Uri.joinPath(handlers, 'cjs.js');
    breakAt(file, 3);
    const stopped = nextStop('cjs.js:3');
    const ended = sessionEnd(name);
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await stopped;
    const pid = Number((await stop.session.customRequest('evaluate', { expression: 'process.pid', context: 'repl', frameId: (await stackOf(stop))[0]?.id })).result);
    assert.ok(pid > 0 && isRunning(pid), `the paused environment runs as process ${pid}`);
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.path === '/cjs.handler.json')?.getText();
    await vscode.debug.stopDebugging(rootOf(stop.session));
    await ended;
    await waitFor(() => !isRunning(pid), `the environment's process ${pid} ending`, timeoutMs);
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.path === '/cjs.handler.json')?.getText(), shown, 'no result was shown');
  });

  it('Restart runs the configuration again in a fresh environment', async () => {
    const name = 'Debug typed.handler (TypeScript, ES module)';
    const file = vscode.Uri.joinPath(handlers, 'esm-package', 'typed.ts');
    breakAt(file, 9);
    const first = nextStop('typed.ts:9');
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await first;
    const pidOf = async (s: Stop) => Number((await s.session.customRequest('evaluate', { expression: 'process.pid', context: 'repl', frameId: (await stackOf(s))[0]?.id })).result);
    const before = await pidOf(stop);
    const second = nextStop('typed.ts:9 after the restart');
    // The restart command acts on the focused session, which VS Code focuses after the stop.
    await activeSessionUnder(rootOf(stop.session));
    await vscode.commands.executeCommand('workbench.action.debug.restart');
    const again = await second;
    const after = await pidOf(again);
    assert.notEqual(after, before, 'a new environment');
    await waitFor(() => !isRunning(before), `the first environment's process ${before} ending`, timeoutMs);
    const ended = sessionEnd(name);
    await again.session.customRequest('continue', { threadId: again.threadId });
    await resultOf('esm-package/typed.handler', (b) => b['message'] === 'HELLO MODULE!');
    await ended;
  });

  it('Run Without Debugging invokes once, with the timeout enforced, ignoring breakpoints', async () => {
    const name = 'Debug greet.handler (TypeScript)';
    breakAt(vscode.Uri.joinPath(handlers, 'typescript', 'greet.ts'), 7);
    let stops = 0;
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: () => ({ onDidSendMessage: (m: { type?: string; event?: string }) => void (m.type === 'event' && m.event === 'stopped' && stops++) }),
    });
    try {
      const ended = sessionEnd(name);
      assert.equal(await vscode.debug.startDebugging(folder, { type: 'lambda-workbench', request: 'launch', name, root: '${workspaceFolder}/handlers', handler: 'typescript/greet.handler', event: { name: 'no debugger' } }, { noDebug: true }), true);
      await resultOf('typescript/greet.handler', (b) => b['greeting'] === 'Hello, no debugger');
      await ended;
    } finally {
      tracker.dispose();
    }
    assert.equal(stops, 0);
  });

  it('refuses a configuration with a wrong attribute before starting anything', async () => {
    const started: string[] = [];
    const subscription = vscode.debug.onDidStartDebugSession((s) => started.push(s.name));
    try {
      const ok = await vscode.debug.startDebugging(folder, { type: 'lambda-workbench', request: 'launch', name: 'wrong', root: '${workspaceFolder}/handlers', handler: 'cjs.handler', timeout: '30s' });
      assert.equal(ok, false);
      const missing = await vscode.debug.startDebugging(folder, { type: 'lambda-workbench', request: 'launch', name: 'missing', root: '${workspaceFolder}/handlers', handler: 'nothing.handler' });
      assert.equal(missing, false);
    } finally {
      subscription.dispose();
    }
    assert.deepEqual(started, []);
  });
});

// Run by `npm run test:vscode` a second time with --untrusted --grep untrusted (see package.json).
describe('debug: launch.json IntelliSense', () => {
  it('completes the attributes of a lambda-workbench configuration and flags a value of the wrong type', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, '.vscode', 'launch.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const at = document.positionAt(text.indexOf('"name": "Debug cjs.handler (JavaScript)"'));

    // VS Code's JSON support completes from the schema of contributes.debuggers (configurationAttributes).
    let offered: string[] = [];
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
        offered = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
        return offered.includes('envFile') ? offered : undefined;
      },
      'envFile being offered',
      timeoutMs,
      () => `the completions were ${offered.join(', ')}`,
    );
    for (const attribute of ['handlerFile', 'envFile', 'alb', 'cloudfront']) assert.ok(labels.includes(attribute), `${attribute} is offered: ${labels.join(', ')}`);

    const timeout = text.indexOf('"timeout": 1,') + '"timeout": '.length;
    try {
      await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(timeout), document.positionAt(timeout + 1)), '"1s"'));
      await waitFor(
        () => vscode.languages.getDiagnostics(uri).some((d) => /number/i.test(d.message) && d.range.start.line === document.positionAt(timeout).line),
        'a diagnostic on "timeout": "1s"',
        timeoutMs,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('debug: in an untrusted workspace', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('offers no Debug handler, and the command refuses', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'cjs.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await handlerLenses(uri, timeoutMs);
    assert.equal(lenses.some((l) => l.command?.command === 'lambdaWorkbench.debugHandler'), false);
    const started = await vscode.commands.executeCommand<boolean>('lambdaWorkbench.debugHandler', { uri: uri.toString(), exportName: 'handler', event: vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath });
    assert.equal(started, false);
    assert.equal(vscode.debug.activeDebugSession, undefined);
  });
});
