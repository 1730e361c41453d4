import * as vscode from 'vscode';
import type { WorkbenchContext } from './context';

/**
 * Opens the extension's own documentation (its README, as a rendered
 * preview) at a section, e.g. `lambdaedge`: messages that point to the
 * docs offer this instead of naming a file the user must find.
 */
export async function openDocs(context: WorkbenchContext, section?: unknown): Promise<void> {
  const readme = vscode.Uri.joinPath(context.extension.extensionUri, 'README.md');
  await vscode.commands.executeCommand('markdown.showPreview', typeof section === 'string' && section ? readme.with({ fragment: section }) : readme);
}
