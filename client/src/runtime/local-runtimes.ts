import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { findPython, functionConfig, type FunctionOptions, type HandlerTarget, handlerLanguage, type LayeredFunctionSettings, LocalFunction, type PythonInterpreter, sourceChange, type WatchedSources } from '../../../server/src/runtime';

interface Entry {
  readonly fn: LocalFunction;
  /** What it loads and is configured from: a change `sourceChange` counts retires its environments (settings are read again at the next invoke). */
  readonly sources: WatchedSources;
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

  functionFor(target: HandlerTarget, resolved: LayeredFunctionSettings): LocalFunction {
    // A template function of its own: two functions of one handler keep their own environments.
    const key = `${target.root}\u0000${target.handler}\u0000${target.file}\u0000${resolved.template?.path ?? ''}#${resolved.template?.functionId ?? ''}`;
    const options = this.optionsFor(target, resolved);
    const signature = JSON.stringify(options);
    const existing = this.functions.get(key);
    if (existing?.signature === signature) return existing.fn;
    if (existing) void existing.fn.shutdown();
    const fn = new LocalFunction(functionConfig(options), (text) => this.channel.append(text));
    // Its layers, its env file and the template it came from count too.
    const settingsFiles = [resolved.template?.path, resolved.settings.envFile === undefined ? undefined : resolve(target.root, resolved.settings.envFile)].flatMap((file) => (file === undefined ? [] : [file]));
    this.functions.set(key, { fn, sources: { root: target.root, layers: options.layers ?? [], settingsFiles }, signature });
    return fn;
  }

  /**
   * How a handler runs here: its settings (runtime, layers and name from its
   * template function), this window's Node.js and idle timeout, our bootstrap
   * (also used by debug runs). A runtime that cannot run here is thrown.
   */
  optionsFor(target: HandlerTarget, resolved: LayeredFunctionSettings, handlerFile: string | undefined = target.file): FunctionOptions {
    const settings = vscode.workspace.getConfiguration('lambdaWorkbench.invoke', vscode.Uri.file(target.file));
    const language = handlerLanguage(target.root, target.handler, resolved.runtime ?? (target.file.endsWith('.py') ? 'python' : undefined));
    if ('problem' in language) throw new Error(`${target.handler}: ${language.problem}`);
    const python = language.language === 'python' ? this.pythonFor(target, resolved.runtime) : undefined;
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
      ...(language.language === 'custom' ? { customBootstrap: join(target.root, 'bootstrap') } : {}),
      ...(resolved.layers.length ? { layers: resolved.layers } : {}),
      ...(resolved.template ? { functionName: resolved.template.functionId } : {}),
      ...(resolved.settings.reservedConcurrency !== undefined ? { reservedConcurrency: resolved.settings.reservedConcurrency } : {}),
    };
  }

  /** The Python a handler in a .py file runs with; a problem finding one is thrown, for the command to show. */
  private pythonFor(target: HandlerTarget, runtime: string | undefined): PythonInterpreter {
    const choice = findPython(target.root, runtime);
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
