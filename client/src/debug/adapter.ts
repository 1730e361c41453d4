import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { InvokeResult } from '../../../server/src/runtime/local-function';
import type { HandlerTarget } from '../../../server/src/runtime/task-root';
import type { WorkbenchContext } from '../context';
import { showOutcome } from '../runtime/invoke';
import { DebugRun, inspectorDeadlineMs } from './debug-run';
import { prepareConfiguration, type PreparedRun } from './prepare';

/** The property of a resolved configuration naming its prepared run (the provider sets it, the first adapter takes it). */
export const preparedKey = '__lambdaWorkbenchRun';

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
 * debugs nothing itself: on `launch` it starts the run's environment paused
 * under the inspector, then starts VS Code's JavaScript debugger (a `node`
 * attach configuration, resolved by js-debug like any other) as its child
 * session, which sets the breakpoints, resumes the process and does all the
 * debugging. When the invoke returns it shows the result, shuts the
 * environment down and ends the session; stopping the session shuts it down.
 */
class LambdaDebugAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;
  private seq = 1;
  private run: DebugRun | undefined;

  constructor(
    private readonly context: WorkbenchContext,
    private readonly session: vscode.DebugSession,
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
          this.send({ type: 'event', event: 'terminated' });
        });
        break;
      case 'disconnect':
        void this.stop().finally(() => this.respond(request));
        break;
      default:
        this.fail(request, `${request.command} is answered by the JavaScript debugger's session`);
    }
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
    const channel = this.context.runtime.functions.channel;
    const debug = this.session.configuration['noDebug'] !== true;
    const run = new DebugRun(prepared.options, prepared.payload, (text) => channel.append(text), debug);
    this.run = run;
    channel.show(true);
    void run.invoked.then((result) => this.returned(run, prepared, result));
    if (debug) {
      const address = await run.inspector();
      if (!address) {
        await run.stop();
        return this.fail(request, `the execution environment ended or did not open Node's inspector within ${inspectorDeadlineMs / 1000} s (see the Lambda Workbench: Functions log; is lambdaWorkbench.invoke.nodePath a Node.js?)`);
      }
      const attached = await vscode.debug.startDebugging(this.session.workspaceFolder, this.attachConfiguration(address.port, prepared.target), {
        parentSession: this.session,
        lifecycleManagedByParent: true,
        consoleMode: vscode.DebugConsoleMode.MergeWithParent,
        compact: true,
      });
      if (!attached) {
        await run.stop();
        return this.fail(request, "VS Code's JavaScript debugger did not attach to the execution environment");
      }
    }
    this.respond(request);
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

  private async returned(run: DebugRun, prepared: PreparedRun, result: InvokeResult): Promise<void> {
    // Stopped by the user: there is no result, and the log says the runtime was killed.
    if (run.wasStopped) return;
    // One session, one invoke. The session ends first: VS Code disconnects js-debug from the
    // environment (whose last request, e.g. Continue, gets its answer), then this adapter, which
    // shuts the environment down; a moment later at the latest.
    this.send({ type: 'event', event: 'terminated' });
    setTimeout(() => void run.stop(), shutdownGraceMs).unref();
    await showOutcome(this.context, prepared.target, result);
  }

  private async stop(): Promise<void> {
    await this.run?.stop();
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

/** Makes an inline adapter per `lambda-workbench` session, handing it the run its configuration was resolved to. */
export class LambdaDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory, vscode.Disposable {
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

  /** Stops every run still going, so no environment outlives the extension. */
  dispose(): void {
    for (const adapter of [...this.live]) adapter.dispose();
  }
}
