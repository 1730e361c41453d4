import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildAlbEvent, exchangeWithLambda, forwardedTarget, type LambdaExchange, type ResolvedTargetGroup, type RouteTrace, targetGroupFor, traceIdAt } from '../../../server/src/alb';
import type { WorkbenchContext } from '../context';
import { templateFunction } from '../../../server/src/runtime';
import { readFunctionSettings } from '../runtime/function-settings';
import { lookUpTarget, workspaceFiles, type MappingSource } from './target-mapping';

/** What the preview shows about the Lambda target a request was forwarded to. */
export type TargetView = { readonly arn: string; readonly warnings: readonly string[] } & (
  | { readonly kind: 'unmapped' }
  | { readonly kind: 'problem'; readonly message: string }
  /** Mapped, but running the handler needs a trusted workspace. */
  | { readonly kind: 'untrusted'; readonly handler: string; readonly source: string }
  | { readonly kind: 'invoking'; readonly handler: string; readonly source: string }
  | { readonly kind: 'invoked'; readonly handler: string; readonly source: string; readonly group: ResolvedTargetGroup; readonly exchange: LambdaExchange }
);

/**
 * Sends a preview's routed requests to the local handler of the chosen
 * target group, through the local runtime in the extension host. A handler
 * runs again only when the request it would get changes (an edit to the rules
 * that does not change it reuses the last answer), or when asked to.
 */
export class LambdaTargetRunner {
  private last: { readonly key: string; readonly view: TargetView } | undefined;
  /** The workspace's lambda-workbench.json files, read once until one changes. */
  private files: Promise<MappingSource[]> | undefined;

  constructor(private readonly context: WorkbenchContext) {}

  /**
   * The target's view for a trace, or undefined when the request is not
   * forwarded. `progress` receives the view to show while the handler runs.
   */
  /** Forgets the workspace files read, after one of them changed. */
  forgetFiles(): void {
    this.files = undefined;
  }

  async visit(rules: vscode.Uri, trace: RouteTrace, force: boolean, progress: (view: TargetView) => void): Promise<TargetView | undefined> {
    const forwarded = forwardedTarget(trace);
    if (!forwarded) return undefined;
    const { arn } = forwarded;
    if (force || !this.files) this.files = workspaceFiles(rules);
    const lookup = lookUpTarget(rules, forwarded, await this.files);
    const { warnings } = lookup;
    if (lookup.kind !== 'mapped') return lookup.kind === 'problem' ? { kind: 'problem', arn, warnings, message: lookup.message } : { kind: 'unmapped', arn, warnings };
    const { mapping, source, target, templateFunctionId } = lookup.mapped;
    if (!vscode.workspace.isTrusted) return { kind: 'untrusted', arn, warnings, handler: mapping.handler, source };

    const group = targetGroupFor(forwarded, mapping);
    const sample = buildAlbEvent(trace.request, forwarded.forwarded, group, () => 'trace');
    const key = JSON.stringify([target, group, sample]);
    if (!force && this.last?.key === key) return this.last.view;

    progress({ kind: 'invoking', arn, warnings, handler: mapping.handler, source });
    // The template's own function runs with the template's settings (Environment, Timeout, Globals...), as its lenses do.
    const template = templateFunctionId !== undefined ? templateFunction(rules.fsPath, (await vscode.workspace.openTextDocument(rules)).getText(), templateFunctionId) : undefined;
    if (template && 'problem' in template) return { kind: 'problem', arn, warnings, message: `${templateFunctionId ?? ''} could not be run: ${template.problem}` };
    const resolved = readFunctionSettings(target, template);
    for (const problem of resolved.problems) this.context.output.warn(`Settings for ${target.handler}: ${problem}`);
    const [blocking] = resolved.invokeProblems;
    if (blocking !== undefined) return { kind: 'problem', arn, warnings, message: `${mapping.handler} could not be run: ${blocking}` };
    const fn = this.context.runtime.functions.functionFor(target, resolved);
    let view: TargetView;
    try {
      const exchange = await exchangeWithLambda(trace, forwarded.forwarded, group, (payload) => fn.invoke({ payload }), () => traceIdAt(Date.now() / 1000, randomBytes(12).toString('hex')));
      view = { kind: 'invoked', arn, warnings, handler: mapping.handler, source, group, exchange };
    } catch (error) {
      view = { kind: 'problem', arn, warnings, message: `${mapping.handler} could not be run: ${error instanceof Error ? error.message : String(error)}` };
    }
    this.last = { key, view };
    return view;
  }
}
