import * as vscode from 'vscode';

// Helpers of the debug integration tests: waiting for Debug Adapter Protocol events and
// documents with deadlines, and reading the stopped location as the Call Stack view does.

/** How long a debug test waits for any one thing. */
export const timeoutMs = 45_000;

export interface Stop {
  readonly session: vscode.DebugSession;
  readonly threadId: number;
}

export interface StackFrame {
  readonly id: number;
  readonly name: string;
  readonly line: number;
  readonly source?: { readonly path?: string; readonly presentationHint?: string };
  readonly presentationHint?: string;
}

/** Resolves at the next 'stopped' event any debug session sends; rejects after the deadline. */
export function nextStop(what: string): Promise<Stop> {
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

/**
 * The 'stopped' events of the debug sessions that start from now on, in order: a tracker
 * applies only to sessions started after its registration, so a test that stops more than
 * once in one session takes its stops from this queue.
 */
export function stopsFromNowOn(): { next(what: string): Promise<Stop>; dispose(): void } {
  const stops: Stop[] = [];
  let waiting: ((stop: Stop) => void) | undefined;
  const registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onDidSendMessage: (message: { type?: string; event?: string; body?: { threadId?: number } }) => {
        if (message.type !== 'event' || message.event !== 'stopped' || message.body?.threadId === undefined) return;
        const stop = { session, threadId: message.body.threadId };
        if (waiting) waiting(stop);
        else stops.push(stop);
      },
    }),
  });
  return {
    next: (what) =>
      new Promise((resolve, reject) => {
        const first = stops.shift();
        if (first) return resolve(first);
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`timed out after ${timeoutMs} ms waiting for the debugger to stop at ${what}`));
        }, timeoutMs);
        waiting = (stop) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(stop);
        };
      }),
    dispose: () => registration.dispose(),
  };
}

/** Resolves when the session named `name` (js-debug's top session for our attach) has ended. */
export function sessionEnd(name: string): Promise<void> {
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
export function resultOf(handler: string, predicate: (body: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
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
export async function stackOf(stop: Stop): Promise<StackFrame[]> {
  const reply = (await stop.session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 20 })) as { stackFrames: StackFrame[] };
  return reply.stackFrames.map((frame) => {
    const path = frame.source?.path;
    return path && /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? { ...frame, source: { ...frame.source, path: vscode.Uri.parse(path).fsPath } } : frame;
  });
}

/** The session at the top of `session`'s tree: ours, with js-debug's sessions under it. */
export function rootOf(session: vscode.DebugSession): vscode.DebugSession {
  let root = session;
  while (root.parentSession) root = root.parentSession;
  return root;
}

export function breakAt(uri: vscode.Uri, line: number): vscode.SourceBreakpoint {
  const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line - 1, 0)));
  vscode.debug.addBreakpoints([breakpoint]);
  return breakpoint;
}

/** Resolves once the focused debug session is `root` or one of its children. */
export function activeSessionUnder(root: vscode.DebugSession): Promise<void> {
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
export async function handlerLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    if (lenses.some((l) => l.command?.command === 'lambdaWorkbench.invokeHandler')) return lenses;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the handler lenses of ${uri.fsPath}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of the output channels VS Code has opened as documents. */
export function outputText(): string {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output').map((d) => d.getText()).join('\n');
}

/** The first open document for which `predicate` holds, now or once one opens; rejects after the deadline. */
export function waitForDocument(predicate: (document: vscode.TextDocument) => boolean): Promise<vscode.TextDocument> {
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

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Debug Adapter Protocol traffic of every session (events, and the requests that move a thread), printed when a test fails. */
export function recordTraffic(traffic: string[]): vscode.Disposable {
  const line = (session: vscode.DebugSession, text: string) => traffic.push(`${new Date().toISOString().slice(11, 23)} ${session.name}: ${text.slice(0, 200)}`);
  return vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onWillReceiveMessage: (m: { type?: string; command?: string; arguments?: unknown }) => {
        if (m.type === 'request' && ['launch', 'attach', 'configurationDone', 'continue', 'next', 'stepIn', 'stepOut', 'restartFrame', 'pause', 'stackTrace', 'disconnect', 'terminate'].includes(m.command ?? '')) line(session, `=> ${m.command ?? ''} ${JSON.stringify(m.arguments ?? {})}`);
      },
      onDidSendMessage: (m: { type?: string; event?: string; command?: string; success?: boolean; message?: string; body?: unknown }) => {
        if (m.type === 'event' && m.event !== 'output' && m.event !== 'loadedSource') line(session, `<= ${m.event ?? ''} ${JSON.stringify(m.body ?? {})}`);
        if (m.type === 'response' && m.success === false) line(session, `<= ${m.command ?? ''} failed: ${m.message ?? ''}`);
      },
    }),
  });
}
