import * as vscode from 'vscode';
import type { WorkbenchContext } from './context';
import { docsTarget } from './docs-target';

/**
 * Opens the extension's own documentation (a docs/ page, as a rendered
 * preview) at a section, e.g. `lambda-edge#a-whole-request`: messages that
 * point to the docs offer this instead of naming a file the user must find.
 */
export async function openDocs(context: WorkbenchContext, section?: unknown): Promise<void> {
  const target = docsTarget(section);
  const page = vscode.Uri.joinPath(context.extension.extensionUri, target.path);
  await vscode.commands.executeCommand('markdown.showPreview', target.fragment ? page.with({ fragment: target.fragment }) : page);
}
