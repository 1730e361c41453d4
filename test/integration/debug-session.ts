import * as vscode from 'vscode';
import { nextEvent, waitOnEvents } from './wait';

// Helpers of the debug integration tests: waiting for Debug Adapter Protocol events and
// documents (through wait.ts, with the longer deadline below), and reading the stopped
// location as the Call Stack view does.

/** How long a debug test waits for any one thing: longer than wait.ts's default, as starting js-debug and a handler under it takes longer. */
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

/** Resolves at the next 'stopped' event any debug session started from now on sends; rejects after the deadline. */
export function nextStop(what: string): Promise<Stop> {
  const stops = stopsFromNowOn();
  return stops.next(what).finally(() => stops.dispose());
}

/**
 * The 'stopped' events of the debug sessions that start from now on, in order: a tracker
 * applies only to sessions started after its registration, so a test that stops more than
 * once in one session takes its stops from this queue.
 */
export function stopsFromNowOn(): { next(what: string): Promise<Stop>; dispose(): void } {
  const stops: Stop[] = [];
  const stopped = new vscode.EventEmitter<Stop>();
  const registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onDidSendMessage: (message: { type?: string; event?: string; body?: { threadId?: number } }) => {
        if (message.type !== 'event' || message.event !== 'stopped' || message.body?.threadId === undefined) return;
        stops.push({ session, threadId: message.body.threadId });
        stopped.fire({ session, threadId: message.body.threadId });
      },
    }),
  });
  return {
    next: (what) => waitOnEvents([stopped.event], () => stops.shift(), `the debugger stopping at ${what}`, timeoutMs),
    dispose: () => {
      registration.dispose();
      stopped.dispose();
    },
  };
}

/** Resolves when the session named `name` (js-debug's top session for our attach) has ended. */
export async function sessionEnd(name: string): Promise<void> {
  await nextEvent(vscode.debug.onDidTerminateDebugSession, (session) => session.name === name && !session.parentSession, `the debug session "${name}" ending`, timeoutMs, (last) => (last ? `the last session to end was "${last.name}"` : 'no session ended'));
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
  return waitOnEvents([vscode.workspace.onDidOpenTextDocument, vscode.workspace.onDidChangeTextDocument], read, `the result of ${handler}`, timeoutMs);
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
export async function activeSessionUnder(root: vscode.DebugSession): Promise<void> {
  await waitOnEvents(
    [vscode.debug.onDidChangeActiveDebugSession],
    () => {
      const focused = vscode.debug.activeDebugSession;
      return focused && rootOf(focused).id === root.id ? focused : undefined;
    },
    `VS Code focusing a session of "${root.name}"`,
    timeoutMs,
    () => `the focused session is ${vscode.debug.activeDebugSession ? `"${vscode.debug.activeDebugSession.name}"` : 'none'}`,
  );
}

/** The text of the output channels VS Code has opened as documents. */
export function outputText(): string {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output').map((d) => d.getText()).join('\n');
}

/** The first open document for which `predicate` holds, now or once one opens; rejects after the deadline. */
export function waitForDocument(predicate: (document: vscode.TextDocument) => boolean, what: string): Promise<vscode.TextDocument> {
  return waitOnEvents([vscode.workspace.onDidOpenTextDocument], () => vscode.workspace.textDocuments.find(predicate), what, timeoutMs);
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
