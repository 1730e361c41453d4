import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { WorkbenchContext } from '../context';
import { type WalkthroughStep, walkthroughStep, walkthroughSteps } from './steps';

/**
 * "Try an example": opens a walkthrough step's example and runs its command.
 * The workspace's own examples/ (this repository opened, as `npm start`
 * does) wins over the copy shipped in the extension, so edits show.
 * Answers what the step's command answers (a preview, an invoke's result).
 */
export async function tryExample(context: WorkbenchContext, id: unknown): Promise<unknown> {
  const step = walkthroughStep(id) ?? (await pickStep());
  if (!step) return undefined;
  const examples = examplesFolder(context);
  const file = vscode.Uri.joinPath(examples, step.example);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  return runStep(step, examples, editor);
}

async function pickStep(): Promise<WalkthroughStep | undefined> {
  const picked = await vscode.window.showQuickPick(
    walkthroughSteps.map((step) => ({ label: step.id, description: step.example, step })),
    { title: 'Try an example', placeHolder: 'Which example?' },
  );
  return picked?.step;
}

/** A workspace folder that is examples/ or holds it, else the extension's copy. */
function examplesFolder(context: WorkbenchContext): vscode.Uri {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [folder.uri, vscode.Uri.joinPath(folder.uri, 'examples')]) {
      if (existsSync(vscode.Uri.joinPath(candidate, walkthroughSteps[0]?.example ?? '').fsPath)) return candidate;
    }
  }
  return vscode.Uri.joinPath(context.extension.extensionUri, 'examples');
}

async function runStep(step: WalkthroughStep, examples: vscode.Uri, editor: vscode.TextEditor): Promise<unknown> {
  const run = step.run;
  switch (run.kind) {
    case 'problems':
      return vscode.commands.executeCommand('workbench.actions.view.problems');
    case 'handler': {
      const uri = editor.document.uri;
      if (run.breakpointLine !== undefined) {
        const line = run.breakpointLine - 1;
        const already = vscode.debug.breakpoints.some((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.toString() === uri.toString() && b.location.range.start.line === line);
        if (!already) vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line, 0)))]);
      }
      return vscode.commands.executeCommand(run.command, { uri, exportName: run.exportName, event: vscode.Uri.joinPath(examples, run.event).fsPath });
    }
    case 'alb':
      return vscode.commands.executeCommand('lambdaWorkbench.simulateAlb', editor.document.uri, run.request);
    case 'cloudfront':
      return vscode.commands.executeCommand('lambdaWorkbench.simulateCloudFront', { request: editor.document.uri, config: vscode.Uri.joinPath(examples, run.config) });
    case 'iam':
      return vscode.commands.executeCommand('lambdaWorkbench.simulateIam', editor.document.uri, run.request);
    default: {
      const never: never = run;
      throw new Error(`unknown walkthrough step ${JSON.stringify(never)}`);
    }
  }
}
