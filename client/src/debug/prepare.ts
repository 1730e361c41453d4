import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { type ChainFile, type EdgeRequest, parseChainFile, type Trigger } from '../../../server/src/edge';
import { type FunctionOptions, type FunctionSettingsTable, type InvokeLayer, parseFunctionSettings, templateFunction, type TemplateFunction } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { viewerRequestOf } from '../edge/simulate-command';
import { describeTemplateFunction, type LayeredFunctionSettings, readFunctionSettings, workspaceTemplateFunction } from '../runtime/function-settings';
import { readEvent } from '../runtime/invoke';
import type { FunctionTarget } from '../runtime/targets';
import { routeThroughAlb, type AlbRoute } from './alb-event';
import { planLaunch, type FileProbe, type LaunchPlan, type PlannedEvent } from './launch-config';

/** The event of a prepared run: ready JSON, or a request that reaches the function through ALB or CloudFront when the run starts. */
export type PreparedEvent =
  | { readonly kind: 'payload'; readonly payload: string }
  | { readonly kind: 'alb'; readonly route: AlbRoute }
  | {
      readonly kind: 'cloudfront';
      readonly trigger: Trigger;
      readonly request: EdgeRequest;
      readonly requestName: string;
      readonly file: ChainFile;
      /** Settings of the other triggers' handlers (the chain file's "functions"), and the folder they start from. */
      readonly settings: FunctionSettingsTable;
      readonly chainRoot: string;
    };

/** Everything a debug run needs before it starts a process. */
export interface PreparedRun {
  readonly target: FunctionTarget;
  readonly options: FunctionOptions;
  /** The function's settings as merged, for CloudFront's verdict on the result and the result's name. */
  readonly resolved: Pick<LayeredFunctionSettings, 'settings' | 'environment' | 'template'>;
  readonly event: PreparedEvent;
}

const probe: FileProbe = {
  kind(path) {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isDirectory() ? 'directory' : stat?.isFile() ? 'file' : undefined;
  },
};

/**
 * Checks a `lambda-workbench` configuration (variables substituted) and
 * prepares its run; shows what is wrong (the attribute and what was
 * expected, or the event's problem) and gives undefined when it cannot run.
 */
export async function prepareConfiguration(context: WorkbenchContext, config: vscode.DebugConfiguration, folder: vscode.WorkspaceFolder | undefined): Promise<PreparedRun | undefined> {
  const planned = planLaunch(config, folder?.uri.fsPath, probe);
  if ('problem' in planned) {
    void vscode.window.showErrorMessage(`Cannot debug "${config.name || 'Lambda handler'}": ${planned.problem.message}.`);
    return undefined;
  }
  return prepareRun(context, planned.plan);
}

/**
 * Turns a checked configuration into the function's options and its event.
 * The configuration's attributes are the invoke's layer of the function's
 * settings (the runtime engine's function-source.ts): over lambda-workbench.json
 * and lambdaWorkbench.functions, over the template function's, over Lambda's defaults.
 */
async function prepareRun(context: WorkbenchContext, plan: LaunchPlan): Promise<PreparedRun | undefined> {
  const fail = (message: string): undefined => {
    void vscode.window.showErrorMessage(`Cannot debug "${plan.name}": ${message}`);
    return undefined;
  };
  const base = { root: plan.root, handler: plan.handler, file: plan.moduleFile };
  const template = plan.templateFunction ? await namedTemplateFunction(plan.templateFunction) : await workspaceTemplateFunction(base);
  if (template !== undefined && 'problem' in template) return fail(`"template": ${template.problem}`);
  const target: FunctionTarget = { ...base, ...(template ? { template } : {}) };
  const invoke: InvokeLayer = {
    ...(plan.timeout !== undefined ? { timeout: plan.timeout } : {}),
    ...(plan.memorySize !== undefined ? { memorySize: plan.memorySize } : {}),
    ...(plan.envFile !== undefined ? { envFile: plan.envFile } : {}),
    ...(plan.environment !== undefined ? { environment: plan.environment } : {}),
  };
  const resolved = readFunctionSettings(target, template, invoke);
  for (const problem of resolved.problems) context.output.warn(`Settings for ${target.handler}: ${problem}`);
  const bad = resolved.invokeProblems[0];
  if (bad !== undefined) return fail(bad);
  const from = describeTemplateFunction(resolved.template);
  if (from) context.runtime.functions.channel.appendLine(`${target.handler}: settings of ${from}`);
  let options: FunctionOptions;
  try {
    options = context.runtime.functions.optionsFor(target, resolved, plan.handlerFile);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  const event = await prepareEvent(context, plan, resolved.settings.event, fail);
  return event && { target, options, resolved, event };
}

/** The template function a configuration names (`template`, `function`), or what is wrong with it. */
async function namedTemplateFunction(named: { readonly path: string; readonly functionId: string }): Promise<TemplateFunction | { problem: string }> {
  let text: string;
  try {
    text = await readFile(named.path, 'utf8');
  } catch (error) {
    return { problem: `${named.path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return templateFunction(named.path, text, named.functionId);
}

async function prepareEvent(context: WorkbenchContext, plan: LaunchPlan, settingsEvent: string | undefined, fail: (message: string) => undefined): Promise<PreparedEvent | undefined> {
  const event: PlannedEvent = plan.event;
  const payload = (text: string | undefined): PreparedEvent | undefined => (text === undefined ? undefined : { kind: 'payload', payload: text });
  switch (event.kind) {
    case 'settings':
      return payload(settingsEvent ? await readEvent({ kind: 'file', path: settingsEvent }, plan.root) : '{}');
    case 'file':
      return payload(await readEvent({ kind: 'file', path: event.path }, plan.root));
    case 'inline':
      return payload(event.payload);
    case 'alb': {
      const route = await routeThroughAlb(context, event, plan.handler);
      return 'problem' in route ? fail(`"alb": ${route.problem}`) : { kind: 'alb', route };
    }
    case 'cloudfront': {
      const request = await viewerRequestOf(vscode.Uri.file(event.request));
      if (!request) return undefined;
      let raw: { edge?: unknown; functions?: unknown } | null;
      try {
        raw = JSON.parse(await readFile(event.config, 'utf8')) as { edge?: unknown; functions?: unknown } | null;
      } catch (error) {
        return fail(`"cloudfront.config" ${event.config}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const chain = parseChainFile(raw?.edge, `${vscode.workspace.asRelativePath(event.config)} edge`);
      const functions = parseFunctionSettings(raw?.functions, `${vscode.workspace.asRelativePath(event.config)} functions`);
      const problems = [...chain.problems, ...functions.problems];
      if (!chain.file || problems.length) return fail(`"cloudfront.config": ${problems.join('; ')}`);
      return { kind: 'cloudfront', trigger: event.trigger, request, requestName: vscode.workspace.asRelativePath(event.request), file: chain.file, settings: functions.table, chainRoot: dirname(event.config) };
    }
  }
}
