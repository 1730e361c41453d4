import * as vscode from 'vscode';
import { LineIndex } from '../../../server/src/document/line-index';
import type { InvokeResult } from '../../../server/src/runtime';
import { describeConsequence, describeRunVerdict, edgeTriggerOf, judgeInvoke, whyNoVerdict, type Consequence, type EdgeFunctionConfig, type EdgeRunVerdict } from '../../../server/src/edge';

/**
 * CloudFront's verdict after "Invoke handler" with a Lambda@Edge event: each
 * rule the result breaks marked on the offending field of the result
 * document, the whole verdict in the output, and a notification when the
 * viewer would get an error.
 */
export class EdgeVerdicts implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('lambda-workbench-edge');

  constructor(private readonly output: vscode.LogOutputChannel) {}

  /**
   * `resultText` is the result document's text (the result as shown), so
   * violations land on its fields. Returns the verdict, or undefined when
   * the event is not a CloudFront event.
   */
  afterInvoke(resultUri: vscode.Uri, resultText: string, eventPayload: string, result: InvokeResult, config: EdgeFunctionConfig): EdgeRunVerdict | undefined {
    const trigger = edgeTriggerOf(eventPayload);
    if (!trigger) {
      this.diagnostics.delete(resultUri);
      const why = whyNoVerdict(eventPayload);
      if (why) this.output.info(`No CloudFront verdict: ${why}`);
      return undefined;
    }
    const outcome = result.status === 'success' ? { ...result, payload: resultText } : result;
    const verdict = judgeInvoke(trigger, JSON.parse(eventPayload) as unknown, outcome, config);
    const lines = new LineIndex(resultText);
    const rangeOf = (offset: number, length: number) => {
      const start = lines.positionAt(offset);
      const end = lines.positionAt(offset + length);
      return new vscode.Range(start.line, start.character, end.line, end.character);
    };
    this.diagnostics.set(
      resultUri,
      (verdict.result?.violations ?? []).map((v) => {
        const diagnostic = new vscode.Diagnostic(rangeOf(v.range.offset, v.range.length), `${describeConsequence(v.consequence)}: ${v.message}`, severityOf(v.consequence));
        diagnostic.source = 'lambda-workbench';
        diagnostic.code = { value: v.rule, target: vscode.Uri.parse(v.docs) };
        return diagnostic;
      }),
    );
    const [head = '', ...details] = describeRunVerdict(trigger, verdict);
    const fails = [...verdict.run, ...(verdict.result?.violations ?? [])].find((v) => v.consequence.kind === 'viewer-error' || v.consequence.kind === 'deploy-error');
    (fails ? this.output.warn : this.output.info).call(this.output, [head, ...details].join('\n'));
    if (fails) {
      void vscode.window.showWarningMessage(`${head} ${fails.message}`, 'Show Problems').then((picked) => picked && vscode.commands.executeCommand('workbench.actions.view.problems'));
    }
    return verdict;
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}

function severityOf(consequence: Consequence): vscode.DiagnosticSeverity {
  return consequence.kind === 'viewer-error' || consequence.kind === 'deploy-error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
}
