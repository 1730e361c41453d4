import type * as vscode from 'vscode';
import { registerAlbCodeLens } from './alb/code-lens';
import { registerCommands } from './commands';
import { WorkbenchContext } from './context';
import { registerDebugging } from './debug/provider';
import { registerDocumentStatus } from './document-status';
import { registerHandlerLens } from './runtime/handler-lens';

let workbench: WorkbenchContext | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  workbench = new WorkbenchContext(extension);
  registerCommands(workbench);
  workbench.runtime.lenses = registerHandlerLens(workbench);
  registerDebugging(workbench);
  await workbench.startServer();
  registerDocumentStatus(workbench);
  registerAlbCodeLens(workbench);
}

export async function deactivate(): Promise<void> {
  await workbench?.runtime.shutdown();
  await workbench?.stopServer();
  workbench = undefined;
}
