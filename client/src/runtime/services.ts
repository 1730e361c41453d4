import * as vscode from 'vscode';
import { EndpointControl } from './endpoint';
import type { HandlerLensProvider } from './handler-lens';
import { LocalRuntimes } from './local-runtimes';
import { ResultDocuments, resultScheme } from './result-view';
import type { TemplateLensProvider } from './template-lens';

/** What the runtime's commands share in the extension host: the local functions, result documents, the endpoint and the lens. */
export class RuntimeServices implements vscode.Disposable {
  readonly functions: LocalRuntimes;
  readonly results = new ResultDocuments();
  readonly endpoint: EndpointControl;
  lenses: HandlerLensProvider | undefined;
  templateLenses: TemplateLensProvider | undefined;

  constructor(extension: vscode.ExtensionContext) {
    this.functions = new LocalRuntimes(extension);
    this.endpoint = new EndpointControl(this.functions);
    extension.subscriptions.push(this, vscode.workspace.registerTextDocumentContentProvider(resultScheme, this.results));
  }

  /** Stops the endpoint and every environment (deactivation awaits this so no process outlives the window). */
  async shutdown(): Promise<void> {
    await this.endpoint.stop();
    await this.functions.shutdown();
  }

  dispose(): void {
    this.endpoint.dispose();
    this.results.dispose();
    this.functions.dispose();
  }
}
