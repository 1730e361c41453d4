import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitUntil } from './wait';

// Debugging handlers in the real VS Code with its built-in JavaScript debugger (js-debug):
// the launch configurations of examples/.vscode/launch.json and the "Debug handler" lens.
// A tracker watches the Debug Adapter Protocol traffic for the stop; the stopped location is
// read back with a stackTrace request, as the Call Stack view reads it.

const extensionId = 'lambda-workbench.lambda-workbench';
const timeoutMs = 45_000;

interface Stop {
  readonly session: vscode.DebugSession;
  readonly threadId: number;
}

interface StackFrame {
  readonly id: number;
  readonly name: string;
  readonly line: number;
  readonly source?: { readonly path?: string; readonly presentationHint?: string };
  readonly presentationHint?: string;
}

/** Resolves at the next 'stopped' event any debug session sends; rejects after the deadline. */
function nextStop(what: string): Promise<Stop> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      registration.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the debugger to stop at ${what}`));
    }, timeoutMs);
    const registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => ({
        onDidSendMessage: (message: { type?: string; event?: string; body?: { threadId?: number } }) => {
          if (message.type !== 'event' || message.event !== 'stopped' || message.body?.threadId === undefined) return;
          clearTimeout(timer);
          registration.dispose();
          resolve({ session, threadId: message.body.threadId });
        },
      }),
    });
  });
}

/** Resolves when the session named `name` (js-debug's top session for our attach) has ended. */
function sessionEnd(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the debug session "${name}" to end`));
    }, timeoutMs);
    const subscription = vscode.debug.onDidTerminateDebugSession((session) => {
      if (session.name !== name || session.parentSession) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** The JSON of the result document for `handler` once `predicate` holds for it, checked now and on every change. */
function resultOf(handler: string, predicate: (body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const read = (): Record<string, unknown> | undefined => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'lambda-workbench-result' && d.uri.path === `/${handler}.json`);
    if (!document) return undefined;
    try {
      const body = JSON.parse(document.getText()) as Record<string, unknown>;
      return predicate(body) ? body : undefined;
    } catch {
      return undefined;
    }
  };
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      const body = read();
      if (!body) return;
      stop();
      resolve(body);
    };
    const subscriptions = [vscode.workspace.onDidOpenTextDocument(settle), vscode.workspace.onDidChangeTextDocument(settle)];
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the result of ${handler}`));
    }, timeoutMs);
    const stop = (): void => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
    };
    settle();
  });
}

/** The stopped thread's frames, each source as a file path (in a remote window the workbench gives URIs). */
async function stackOf(stop: Stop): Promise<StackFrame[]> {
  const reply = (await stop.session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 20 })) as { stackFrames: StackFrame[] };
  return reply.stackFrames.map((frame) => {
    const path = frame.source?.path;
    return path && /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? { ...frame, source: { ...frame.source, path: vscode.Uri.parse(path).fsPath } } : frame;
  });
}

/** The session at the top of `session`'s tree: ours, with js-debug's sessions under it. */
function rootOf(session: vscode.DebugSession): vscode.DebugSession {
  let root = session;
  while (root.parentSession) root = root.parentSession;
  return root;
}

function breakAt(uri: vscode.Uri, line: number): vscode.SourceBreakpoint {
  const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line - 1, 0)));
  vscode.debug.addBreakpoints([breakpoint]);
  return breakpoint;
}

/** Resolves once the focused debug session is `root` or one of its children. */
function activeSessionUnder(root: vscode.DebugSession): Promise<void> {
  return new Promise((resolve, reject) => {
    const under = (session: vscode.DebugSession | undefined) => session !== undefined && rootOf(session).id === root.id;
    if (under(vscode.debug.activeDebugSession)) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for VS Code to focus a session of "${root.name}"`));
    }, timeoutMs);
    const subscription = vscode.debug.onDidChangeActiveDebugSession((session) => {
      if (!under(session)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** The lenses of `uri` once the handler lenses are among them (the provider registers on activation). */
async function handlerLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    if (lenses.some((l) => l.command?.command === 'lambdaWorkbench.invokeHandler')) return lenses;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the handler lenses of ${uri.fsPath}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of the output channels VS Code has opened as documents. */
function outputText(): string {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output').map((d) => d.getText()).join('\n');
}

/** The first open document for which `predicate` holds, now or once one opens; rejects after the deadline. */
function waitForDocument(predicate: (document: vscode.TextDocument) => boolean): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const found = vscode.workspace.textDocuments.find(predicate);
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a document`));
    }, timeoutMs);
    const subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!predicate(document)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Debug Adapter Protocol traffic of every session (events, and the requests that move a thread), printed when a test fails. */
function recordTraffic(traffic: string[]): vscode.Disposable {
  const line = (session: vscode.DebugSession, text: string) => traffic.push(`${new Date().toISOString().slice(11, 23)} ${session.name}: ${text.slice(0, 200)}`);
  return vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onWillReceiveMessage: (m: { type?: string; command?: string; arguments?: unknown }) => {
        if (m.type === 'request' && ['launch', 'attach', 'continue', 'next', 'stackTrace', 'disconnect', 'terminate'].includes(m.command ?? '')) line(session, `=> ${m.command ?? ''} ${JSON.stringify(m.arguments ?? {})}`);
      },
      onDidSendMessage: (m: { type?: string; event?: string; command?: string; success?: boolean; message?: string; body?: unknown }) => {
        if (m.type === 'event' && m.event !== 'output' && m.event !== 'loadedSource') line(session, `<= ${m.event ?? ''} ${JSON.stringify(m.body ?? {})}`);
        if (m.type === 'response' && m.success === false) line(session, `<= ${m.command ?? ''} failed: ${m.message ?? ''}`);
      },
    }),
  });
}

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
    recording = recordTraffic(traffic);
  });

  after(async () => {
    recording?.dispose();
    await vscode.workspace.getConfiguration('debug').update('saveBeforeStart', undefined, vscode.ConfigurationTarget.Global);
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
    assert.equal(await vscode.debug.startDebugging(folder, name), true, 'the session started');
    const stop = await stopped;
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
    const context = body['context'] as { memoryLimitInMB: string; remainingTimeInMillis: number };
    assert.equal(context.memoryLimitInMB, '512', 'memorySize of the configuration');
    assert.ok(context.remainingTimeInMillis < 0, `the deadline passed while paused, and the invoke went on (${context.remainingTimeInMillis} ms left)`);

    await ended;
    const pid = (body['env'] as { pid: number }).pid;
    await waitUntil(() => !isRunning(pid), timeoutMs, `the environment's process ${pid} to end`);
  });

  it('stops at a breakpoint in a TypeScript handler through its source map', async () => {
    const name = 'Debug greet.handler (TypeScript)';
    const file = vscode.Uri.joinPath(handlers, 'typescript', 'greet.ts');
    breakAt(file, 7);
    const stopped = nextStop('greet.ts:7');
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await stopped;
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, file.fsPath, `stopped in ${top?.source?.path ?? '?'}`);
    assert.equal(top?.line, 7);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const body = await resultOf('typescript/greet.handler', (b) => b['greeting'] === 'Hello, TypeScript');
    assert.equal(body['dirname'], true);
  });

  it('stops at a breakpoint in a TypeScript ES module', async () => {
    const name = 'Debug typed.handler (TypeScript, ES module)';
    const file = vscode.Uri.joinPath(handlers, 'esm-package', 'typed.ts');
    breakAt(file, 9);
    const stopped = nextStop('typed.ts:9');
    assert.equal(await vscode.debug.startDebugging(folder, name), true);
    const stop = await stopped;
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, file.fsPath, `stopped in ${top?.source?.path ?? '?'}`);
    assert.equal(top?.line, 9);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    await resultOf('esm-package/typed.handler', (b) => b['message'] === 'HELLO MODULE!');
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
    await waitUntil(() => outputText().includes('ALB answers HTTP 200 OK'), timeoutMs, "ALB's answer in the Lambda Workbench: Functions output");
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
    await stop.session.customRequest('continue', { threadId: stop.threadId });

    const result = await resultOf('handlers/security-headers.handler', (b) => (b['headers'] as Record<string, unknown> | undefined)?.['strict-transport-security'] !== undefined);
    assert.equal(result['status'], '200');
    await ended;
    const report = await waitForDocument((d) => d.languageId === 'markdown' && d.getText().startsWith('# CloudFront simulation of edge/events/viewer-request-docs.json'));
    const text = report.getText();
    assert.match(text, /## viewer-request: `handlers\/pretty-urls\.handler`/);
    assert.match(text, /## viewer-response: `handlers\/security-headers\.handler`/);
    assert.match(text, /## The viewer gets 200 OK/);
  });

  it('"Debug handler" lens starts the same session without a launch configuration', async () => {
    const file = vscode.Uri.joinPath(handlers, 'typescript', 'greet.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const lens = (await handlerLenses(file)).find((l) => l.command?.command === 'lambdaWorkbench.debugHandler');
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
    await waitUntil(() => !isRunning(pid), timeoutMs, `the environment's process ${pid} to end`);
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
    await waitUntil(() => !isRunning(before), timeoutMs, `the first environment's process ${before} to end`);
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
describe('debug: in an untrusted workspace', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('offers no Debug handler, and the command refuses', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'handlers', 'cjs.js');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await handlerLenses(uri);
    assert.equal(lenses.some((l) => l.command?.command === 'lambdaWorkbench.debugHandler'), false);
    const started = await vscode.commands.executeCommand<boolean>('lambdaWorkbench.debugHandler', { uri: uri.toString(), exportName: 'handler', event: vscode.Uri.joinPath(folder.uri, 'handlers', 'events', 'hello.json').fsPath });
    assert.equal(started, false);
    assert.equal(vscode.debug.activeDebugSession, undefined);
  });
});
