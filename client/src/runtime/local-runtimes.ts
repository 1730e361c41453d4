import * as vscode from 'vscode';
import { functionConfig, type FunctionOptions } from '../../../server/src/runtime';
import { LocalFunction } from '../../../server/src/runtime';
import type { HandlerTarget } from '../../../server/src/runtime';
import type { ResolvedFunctionSettings } from '../../../server/src/runtime';

interface Entry {
  readonly fn: LocalFunction;
  /** The configuration it was made with; a change replaces the function (its environments shut down). */
  readonly signature: string;
}

/**
 * The local functions of this window, one per handler, kept warm between
 * invokes as Lambda keeps environments. They run in the extension host's
 * process tree (never the language server's); their logs go to one output channel.
 */
export class LocalRuntimes implements vscode.Disposable {
  readonly channel: vscode.OutputChannel;
  private readonly functions = new Map<string, Entry>();

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.channel = vscode.window.createOutputChannel('Lambda Workbench: Functions', 'log');
  }

  functionFor(target: HandlerTarget, resolved: ResolvedFunctionSettings): LocalFunction {
    const key = `${target.root}\u0000${target.handler}\u0000${target.file}`;
    const options = this.optionsFor(target, resolved);
    const signature = JSON.stringify(options);
    const existing = this.functions.get(key);
    if (existing?.signature === signature) return existing.fn;
    if (existing) void existing.fn.shutdown();
    const fn = new LocalFunction(functionConfig(options), (text) => this.channel.append(text));
    this.functions.set(key, { fn, signature });
    return fn;
  }

  /** How a handler runs here: its settings, this window's Node.js and idle timeout, our bootstrap (also used by debug runs). */
  optionsFor(target: HandlerTarget, resolved: ResolvedFunctionSettings, handlerFile: string | undefined = target.file): FunctionOptions {
    const settings = vscode.workspace.getConfiguration('lambdaWorkbench.invoke', vscode.Uri.file(target.file));
    const nodePath = settings.get<string>('nodePath') || process.execPath;
    const idleSeconds = settings.get<number>('idleTimeout') ?? 300;
    return {
      root: target.root,
      handler: target.handler,
      ...(handlerFile !== undefined ? { handlerFile } : {}),
      bootstrapScript: this.bootstrapScript,
      timeoutSeconds: resolved.settings.timeout,
      memoryMB: resolved.settings.memorySize,
      environment: resolved.environment,
      nodePath,
      idleTimeoutMs: idleSeconds * 1000,
      ...(resolved.settings.reservedConcurrency !== undefined ? { reservedConcurrency: resolved.settings.reservedConcurrency } : {}),
    };
  }

  /** Our bootstrap, run in every environment (dist/runtime-bootstrap.js). */
  get bootstrapScript(): string {
    return this.extension.asAbsolutePath('dist/runtime-bootstrap.js');
  }

  /** Shuts every environment down, e.g. when the extension deactivates. */
  async shutdown(): Promise<void> {
    const all = [...this.functions.values()];
    this.functions.clear();
    await Promise.all(all.map((e) => e.fn.shutdown()));
  }

  dispose(): void {
    void this.shutdown();
    this.channel.dispose();
  }
}
