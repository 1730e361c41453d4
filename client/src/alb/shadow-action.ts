import * as vscode from 'vscode';
import type { WorkbenchContext } from '../context';
import { exampleRequestOf } from './request-line';

const shadowedRule = 'alb.shadowed-rule';

/** A quick action on a shadowed-rule finding: simulate its example request in the preview, to watch the earlier rule take it. */
export function registerAlbShadowActions(context: WorkbenchContext): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, actionContext) {
      return actionContext.diagnostics.flatMap((diagnostic) => {
        const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
        const line = code === shadowedRule ? exampleRequestOf(diagnostic.message) : undefined;
        if (line === undefined) return [];
        const action = new vscode.CodeAction(`Simulate ${line} in the ALB preview`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.command = { title: action.title, command: 'lambdaWorkbench.simulateAlb', arguments: [document.uri, line] };
        return [action];
      });
    },
  };
  context.extension.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
