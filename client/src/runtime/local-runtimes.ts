import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { findPython, functionConfig, type FunctionOptions, type FunctionSources, type HandlerTarget, LocalFunction, type PythonInterpreter, type ResolvedFunctionSettings, sourceChange } from '../../../server/src/runtime';

interface Entry {
  readonly fn: LocalFunction;
  /** What it loads and is configured from: a change `sourceChange` counts retires its environments (settings are read again at the next invoke). */
  readonly sources: FunctionSources;
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
  private readonly watching: vscode.Disposable[];
  /** The modification time each changed file had when it last retired environments. */
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.channel = vscode.window.createOutputChannel('Lambda Workbench: Functions', 'log');
    // Never stale: the workspace's file events, saves included, retire environments that loaded the old code.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const changed = (uri: vscode.Uri) => uri.scheme === 'file' && this.codeChanged(uri.fsPath);
    this.watching = [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed), vscode.workspace.onDidSaveTextDocument((d) => changed(d.uri))];
  }

  /**
   * Retires the environments of every function whose code `file` may be part
   * of. One save arrives twice (the save, then the watcher's change, sometimes
   * after the next invoke has started): a file whose modification time was
   * already seen is no new change, so the fresh environment stays warm.
   */
  private codeChanged(file: string): void {
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (this.lastSeen.get(file) === modified) return;
    this.lastSeen.set(file, modified);
    for (const entry of this.functions.values()) if (sourceChange(entry.sources, file)) entry.fn.codeChanged();
  }

  functionFor(target: HandlerTarget, resolved: ResolvedFunctionSettings): LocalFunction {
    const key = `${target.root}\u0000${target.handler}\u0000${target.file}`;
    const options = this.optionsFor(target, resolved);
    const signature = JSON.stringify(options);
    const existing = this.functions.get(key);
    if (existing?.signature === signature) return existing.fn;
    if (existing) void existing.fn.shutdown();
    const fn = new LocalFunction(functionConfig(options), (text) => this.channel.append(text));
    // Its layers and env file too (a template it came from belongs in settingsFiles once the client reads templates).
    const settingsFiles = resolved.settings.envFile === undefined ? [] : [resolve(target.root, resolved.settings.envFile)];
    this.functions.set(key, { fn, sources: { root: target.root, layers: options.layers ?? [], settingsFiles }, signature });
    return fn;
  }

  /** How a handler runs here: its settings, this window's Node.js and idle timeout, our bootstrap (also used by debug runs). */
  optionsFor(target: HandlerTarget, resolved: ResolvedFunctionSettings, handlerFile: string | undefined = target.file): FunctionOptions {
    const settings = vscode.workspace.getConfiguration('lambdaWorkbench.invoke', vscode.Uri.file(target.file));
    const python = target.file.endsWith('.py') ? this.pythonFor(target) : undefined;
    const nodePath = settings.get<string>('nodePath') || process.execPath;
    const idleSeconds = settings.get<number>('idleTimeout') ?? 300;
    const reload = settings.get<string>('reload') === 'eager' ? 'eager' : 'lazy';
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
      reload,
      ...(python ? { python } : {}),
      ...(resolved.settings.reservedConcurrency !== undefined ? { reservedConcurrency: resolved.settings.reservedConcurrency } : {}),
    };
  }

  /** The Python a handler in a .py file runs with; a problem finding one is thrown, for the command to show. */
  private pythonFor(target: HandlerTarget): PythonInterpreter {
    const choice = findPython(target.root);
    if (choice.kind === 'none') throw new Error(`${target.handler} is a Python handler, but ${choice.problem}`);
    if (choice.warning) this.channel.appendLine(`Warning: ${choice.warning}`);
    return choice.interpreter;
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
    for (const disposable of this.watching) disposable.dispose();
    void this.shutdown();
    this.channel.dispose();
  }
}
