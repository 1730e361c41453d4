import type * as vscode from 'vscode';
import { registerAlbCodeLens } from './alb/code-lens';
import { registerAlbShadowActions } from './alb/shadow-action';
import { onDidShowRequestPrompt as onDidShowAlbRequestPrompt } from './alb/request-prompt';
import { registerCommands } from './commands';
import { WorkbenchContext } from './context';
import { registerDebugging } from './debug/provider';
import { registerDocumentStatus } from './document-status';
import { onDidShowIamRequestPrompt } from './iam/request-prompt';
import { registerIamStatementLens } from './iam/statement-lens';
import { registerHandlerLens } from './runtime/handler-lens';
import { registerTemplateLens } from './runtime/template-lens';

let workbench: WorkbenchContext | undefined;

/** What the extension gives other extensions (and its integration tests) to read. */
export interface LambdaWorkbenchApi {
  /** The local endpoint's status bar item (text and tooltip) while one runs. */
  readonly endpointStatus: () => { readonly text: string; readonly tooltip: string } | undefined;
  /** Fires with the ALB request prompt when it shows (the integration tests type into it). */
  readonly onDidShowAlbRequestPrompt: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
  /** Fires with the IAM request prompt when it shows. */
  readonly onDidShowIamRequestPrompt: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
}

export async function activate(extension: vscode.ExtensionContext): Promise<LambdaWorkbenchApi> {
  const context = new WorkbenchContext(extension);
  workbench = context;
  registerCommands(context);
  context.runtime.lenses = registerHandlerLens(extension);
  context.runtime.templateLenses = registerTemplateLens(extension);
  registerDebugging(context);
  await context.startServer();
  registerDocumentStatus(context);
  registerAlbCodeLens(context);
  registerAlbShadowActions(context);
  registerIamStatementLens(context);
  return { endpointStatus: () => context.runtime.endpoint.status, onDidShowAlbRequestPrompt, onDidShowIamRequestPrompt };
}

export async function deactivate(): Promise<void> {
  await workbench?.runtime.shutdown();
  await workbench?.stopServer();
  workbench = undefined;
}
