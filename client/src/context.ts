import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EdgeVerdicts } from './edge/invoke-verdict';
import { createLanguageClient } from './language-client';
import { RuntimeServices } from './runtime/services';

/** What commands and features share: the output channel, the running language client and the local runtime. */
export class WorkbenchContext {
  readonly output: vscode.LogOutputChannel;
  readonly runtime: RuntimeServices;
  readonly edge: EdgeVerdicts;
  private client: LanguageClient | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Lambda Workbench', { log: true });
    extension.subscriptions.push(this.output);
    this.runtime = new RuntimeServices(extension);
    this.edge = new EdgeVerdicts(this.output);
    extension.subscriptions.push(this.edge);
  }

  /** The running client, or undefined while the server is (re)starting. */
  get languageClient(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  async startServer(): Promise<void> {
    this.client = createLanguageClient(this.extension, this.output);
    await this.client.start();
  }

  async restartServer(): Promise<void> {
    await this.stopServer();
    await this.startServer();
  }

  async stopServer(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }
}
