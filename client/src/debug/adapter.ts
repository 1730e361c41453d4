import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { HandlerTarget } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { showOutcome } from '../runtime/invoke';
import { DebugRun, inspectorDeadlineMs } from './debug-run';
import { DebuggerHolds, type DapMessage } from './debugger-holds';
import { driveEvent, type Driven } from './drive';
import { prepareConfiguration, type PreparedRun } from './prepare';

/** The property of a resolved configuration naming its prepared run (the provider sets it, the first adapter takes it). */
export const preparedKey = '__lambdaWorkbenchRun';

/** The type of js-debug's sessions for a `node` attach configuration (the top one, and one per process under it). */
export const jsDebugType = 'pwa-node';

/** How long a finished run's environment waits for VS Code to end the session before it is shut down anyway. */
const shutdownGraceMs = 2000;

/** Runs prepared by the provider, waiting for their session's adapter. */
export class PreparedRuns {
  private readonly waiting = new Map<string, PreparedRun>();

  add(prepared: PreparedRun): string {
    const id = randomUUID();
    this.waiting.set(id, prepared);
    // A session that never starts (another extension aborted it) leaves nothing behind.
    setTimeout(() => this.waiting.delete(id), 60_000).unref();
    return id;
  }

  take(id: unknown): PreparedRun | undefined {
    if (typeof id !== 'string') return undefined;
    const prepared = this.waiting.get(id);
    this.waiting.delete(id);
    return prepared;
  }
}

interface Request {
  readonly seq: number;
  readonly type: string;
  readonly command: string;
}

/**
 * The `lambda-workbench` session's adapter, inline in the extension host. It
 * debugs nothing itself: the run's environment starts paused under the
 * inspector, and this adapter starts VS Code's JavaScript debugger (a `node`
 * attach configuration, resolved by js-debug like any other) as its child
 * session, which sets the breakpoints, resumes the process and does all the
 * debugging. The event reaches the function as configured (as is, through
 * ALB rules, through CloudFront's triggers); when that is over the session
 * ends, the environment is shut down and the result shown. Stopping the
 * session shuts the environment down. The run's deadlines are paused while
 * js-debug holds the process (`trackerFor`, `DebuggerHolds`).
 */
class LambdaDebugAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;
  private seq = 1;
  private run: DebugRun | undefined;
  private holds: DebuggerHolds | undefined;
  private ended = false;

  constructor(
    private readonly context: WorkbenchContext,
    readonly session: vscode.DebugSession,
    private readonly prepared: PreparedRun | undefined,
    private readonly disposed: () => void,
  ) {}

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const request = message as Request;
    if (request.type !== 'request') return;
    switch (request.command) {
      case 'initialize':
        // No 'initialized' event follows: breakpoints go to the JavaScript debugger's session, not to this one.
        this.respond(request, { supportsTerminateRequest: true });
        break;
      case 'launch':
        void this.launch(request).catch((error: unknown) => this.fail(request, error instanceof Error ? error.message : String(error)));
        break;
      case 'threads':
        this.respond(request, { threads: [] });
        break;
      case 'terminate':
        // Stop: the environment goes; the session ends once VS Code has seen 'terminated'.
        void this.stop().finally(() => {
          this.respond(request);
          this.end();
        });
        break;
      case 'disconnect':
        void this.stop().finally(() => this.respond(request));
        break;
      default:
        this.fail(request, `${request.command} is answered by the JavaScript debugger's session`);
    }
  }

  /** Watches one of js-debug's sessions under this one: its stops and resumes pause and resume the run's deadlines. */
  trackerFor(child: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onDidSendMessage: (message: DapMessage) => this.holds?.sent(child.id, message),
      onWillReceiveMessage: (message: DapMessage) => this.holds?.received(child.id, message),
      onWillStopSession: () => this.holds?.ended(child.id),
    };
  }

  dispose(): void {
    void this.stop();
    this.sent.dispose();
    this.disposed();
  }

  private async launch(request: Request): Promise<void> {
    // A restart reuses the resolved configuration: prepare its run again (the event file may have changed).
    const prepared = this.prepared ?? (await prepareConfiguration(this.context, this.session.configuration, this.session.workspaceFolder));
    if (!prepared) return this.fail(request, `"${this.session.name}" cannot run; the notification says why`);
    const name = this.session.name;
    const channel = this.context.runtime.functions.channel;
    const debug = this.session.configuration['noDebug'] !== true;
    const run = new DebugRun(prepared.options, debug, {
      log: (text) => channel.append(text),
      listening: (address) => void this.attach(run, address.port, prepared.target),
      silent: () => void vscode.window.showErrorMessage(`"${name}": the execution environment did not open Node's inspector within ${inspectorDeadlineMs / 1000} s, so it was stopped (is lambdaWorkbench.invoke.nodePath a Node.js?).`),
    });
    this.run = run;
    // The environment starts held under --inspect-brk, its deadlines paused; js-debug's sessions say when it runs.
    this.holds = debug ? new DebuggerHolds(run) : undefined;
    channel.show(true);
    // The session lives until the event's way through ALB or CloudFront, and the invoke, are over.
    this.respond(request);
    let driven: Driven | undefined;
    try {
      driven = await driveEvent(this.context, name, prepared, (payload) => run.invoke(payload));
    } catch (error) {
      if (!run.wasStopped) void vscode.window.showErrorMessage(`"${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
    // One session, one invoke. The session ends first: VS Code disconnects js-debug from the
    // environment (whose last request, e.g. Continue, gets its answer), then this adapter, which
    // shuts the environment down; a moment later at the latest.
    const stoppedFirst = run.wasStopped;
    this.end();
    setTimeout(() => void run.stop(), shutdownGraceMs).unref();
    // Stopped by the user: there is no result, and the log says the runtime was killed.
    if (!driven || stoppedFirst) return;
    if (driven.invoked) await showOutcome(this.context, prepared.target, driven.invoked.result, driven.invoked.payload, prepared.resolved);
    await driven.show();
  }

  /** Starts js-debug's session for the environment, under this one; if it cannot, the run stops. */
  private async attach(run: DebugRun, port: number, target: HandlerTarget): Promise<void> {
    const attached = await vscode.debug.startDebugging(this.session.workspaceFolder, this.attachConfiguration(port, target), {
      parentSession: this.session,
      lifecycleManagedByParent: true,
      consoleMode: vscode.DebugConsoleMode.MergeWithParent,
      compact: true,
    });
    if (attached || run.wasStopped) return;
    void vscode.window.showErrorMessage(`"${this.session.name}": VS Code's JavaScript debugger did not attach to the execution environment, so it was stopped.`);
    await run.stop();
  }

  /** js-debug's configuration for the paused environment. */
  private attachConfiguration(port: number, { handler, root }: HandlerTarget): vscode.DebugConfiguration {
    return {
      type: 'node',
      request: 'attach',
      // Named after the handler: the session above it carries the configuration's name.
      name: handler,
      address: '127.0.0.1',
      port,
      // The environment waits in --inspect-brk until js-debug has set the breakpoints, then js-debug lets it run.
      continueOnAttach: true,
      restart: false,
      sourceMaps: true,
      // Built JavaScript with source maps is looked for in the function's own folder, not the whole workspace.
      outFiles: [join(root, '**', '*.(m|c|)js'), '!**/node_modules/**'],
      // Our bootstrap's frames and Node's stay out of the way: stepping and the call stack are the handler's.
      skipFiles: ['<node_internals>/**', join(dirname(this.context.runtime.functions.bootstrapScript), 'runtime-*.js')],
    };
  }

  private async stop(): Promise<void> {
    await this.run?.stop();
  }

  /** Tells VS Code the session is over (once). */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send({ type: 'event', event: 'terminated' });
  }

  private respond(request: Request, body?: object): void {
    this.send({ type: 'response', request_seq: request.seq, command: request.command, success: true, ...(body ? { body } : {}) });
  }

  private fail(request: Request, message: string): void {
    this.send({ type: 'response', request_seq: request.seq, command: request.command, success: false, message, body: { error: { id: 1, format: message, showUser: true } } });
  }

  private send(message: object): void {
    this.sent.fire({ ...message, seq: this.seq++ });
  }
}

/**
 * Makes an inline adapter per `lambda-workbench` session, handing it the run
 * its configuration was resolved to; and, as the tracker factory of
 * js-debug's sessions, hands those under one of ours to its adapter.
 */
export class LambdaDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory, vscode.DebugAdapterTrackerFactory, vscode.Disposable {
  constructor(
    private readonly context: WorkbenchContext,
    private readonly prepared: PreparedRuns,
  ) {}

  private readonly live = new Set<LambdaDebugAdapter>();

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.DebugAdapterDescriptor {
    const adapter = new LambdaDebugAdapter(this.context, session, this.prepared.take(session.configuration[preparedKey]), () => this.live.delete(adapter));
    this.live.add(adapter);
    return new vscode.DebugAdapterInlineImplementation(adapter);
  }

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker | undefined {
    for (let ancestor = session.parentSession; ancestor; ancestor = ancestor.parentSession) {
      const id = ancestor.id;
      // After a restart the session has a new adapter; the old one may not be disposed yet.
      const adapter = [...this.live].reverse().find((a) => a.session.id === id);
      if (adapter) return adapter.trackerFor(session);
    }
    return undefined;
  }

  /** Stops every run still going, so no environment outlives the extension. */
  dispose(): void {
    for (const adapter of [...this.live]) adapter.dispose();
  }
}
