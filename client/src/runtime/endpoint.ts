import * as vscode from 'vscode';
import { FunctionUrlEndpoint, type LocalFunction, RieEndpoint } from '../../../server/src/runtime';
import { functionSettingsFor } from './function-settings';
import type { LocalRuntimes } from './local-runtimes';
import { requireTrust, resolveTarget, type HandlerArgs } from './targets';

/**
 * "Start local endpoint" (emulator-compatible) or "Start local function URL":
 * one endpoint for a handler at a time, its port shown in the status bar
 * (click to stop).
 */
export class EndpointControl implements vscode.Disposable {
  private endpoint: RieEndpoint | FunctionUrlEndpoint | undefined;
  private readonly item = vscode.window.createStatusBarItem('lambdaWorkbench.endpoint', vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly functions: LocalRuntimes) {
    this.item.name = 'Lambda Workbench local endpoint';
    this.item.command = 'lambdaWorkbench.stopEndpoint';
  }

  /** Resolves to the endpoint's URL, or undefined when it did not start. */
  async start(args?: HandlerArgs, kind: 'emulator' | 'function-url' = 'emulator'): Promise<string | undefined> {
    if (!requireTrust('Starting a local endpoint')) return undefined;
    const target = await resolveTarget(args);
    if (!target) return undefined;
    await this.stop();
    const settings = vscode.workspace.getConfiguration('lambdaWorkbench.endpoint');
    const port = args?.port ?? settings.get<number>('port') ?? 9000;
    const policy = { allowedOrigins: settings.get<string[]>('allowedOrigins') ?? [] };
    let fn: LocalFunction;
    try {
      const resolved = await functionSettingsFor(target);
      const [blocking] = resolved.invokeProblems;
      if (blocking !== undefined) throw new Error(blocking);
      fn = this.functions.functionFor(target, resolved);
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot serve ${target.handler}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    try {
      this.endpoint = kind === 'function-url' ? await FunctionUrlEndpoint.start(fn, port, policy) : await RieEndpoint.start(fn, port, policy, (text) => this.functions.channel.append(text));
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot start the local endpoint on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}. Set lambdaWorkbench.endpoint.port to a free port.`);
      return undefined;
    }
    const url = this.endpoint.url;
    const functionUrl = kind === 'function-url';
    this.item.text = `$(broadcast) λ${functionUrl ? ' URL' : ''} :${this.endpoint.port}`;
    this.item.tooltip = new vscode.MarkdownString(`**${target.handler}** on\n\n\`${url}\`${functionUrl ? ' (function URL)' : ''}\n\nClick to stop.`);
    this.item.show();
    this.functions.channel.appendLine(functionUrl ? `Local function URL for ${target.handler}: curl -i ${url}` : `Local endpoint for ${target.handler}: curl -d '{}' ${url}`);
    void vscode.window.showInformationMessage(`${target.handler} is served on ${url}`, 'Copy URL').then((picked) => picked && vscode.env.clipboard.writeText(url));
    return url;
  }

  /** What the status bar item shows while an endpoint runs; undefined when none runs. */
  get status(): { readonly text: string; readonly tooltip: string } | undefined {
    if (!this.endpoint) return undefined;
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '') };
  }

  /** The command: stops the running endpoint, or says that none runs. Whether one was stopped. */
  async stopCommand(): Promise<boolean> {
    if (!this.endpoint) {
      void vscode.window.showInformationMessage('No local endpoint is running. "Start local endpoint" or "Start local function URL" starts one for the handler of the active editor.');
      return false;
    }
    const port = this.endpoint.port;
    await this.stop();
    void vscode.window.setStatusBarMessage(`Local endpoint on 127.0.0.1:${port} stopped`, 5000);
    return true;
  }

  async stop(): Promise<void> {
    const endpoint = this.endpoint;
    this.endpoint = undefined;
    this.item.hide();
    await endpoint?.close();
  }

  dispose(): void {
    void this.stop();
    this.item.dispose();
  }
}
