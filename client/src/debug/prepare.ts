import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { type ChainFile, type EdgeRequest, parseChainFile, type Trigger } from '../../../server/src/edge';
import { type FunctionOptions, type FunctionSettingsTable, type HandlerTarget, parseEnvFile, parseFunctionSettings } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { viewerRequestOf } from '../edge/simulate-command';
import { readFunctionSettings, type ResolvedFunctionSettings } from '../runtime/function-settings';
import { readEvent } from '../runtime/invoke';
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
  readonly target: HandlerTarget;
  readonly options: FunctionOptions;
  /** The function's settings as merged, for CloudFront's verdict on the result. */
  readonly resolved: Pick<ResolvedFunctionSettings, 'settings' | 'environment'>;
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
 * The configuration's attributes override the function's settings
 * (lambda-workbench.json, lambdaWorkbench.functions), which override Lambda's
 * defaults; environments merge in that order, each env file before its map.
 */
async function prepareRun(context: WorkbenchContext, plan: LaunchPlan): Promise<PreparedRun | undefined> {
  const target: HandlerTarget = { root: plan.root, handler: plan.handler, file: plan.moduleFile };
  const fromSettings = readFunctionSettings(target);
  for (const problem of fromSettings.problems) context.output.warn(`Settings for ${target.handler}: ${problem}`);
  const fail = (message: string): undefined => {
    void vscode.window.showErrorMessage(`Cannot debug "${plan.name}": ${message}`);
    return undefined;
  };

  const environment: Record<string, string> = { ...fromSettings.environment };
  if (plan.envFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(plan.envFile, 'utf8');
    } catch (error) {
      return fail(`"envFile" ${plan.envFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseEnvFile(text);
    const bad = parsed.problems[0];
    if (bad) return fail(`"envFile" ${plan.envFile}:${bad.line}: ${bad.message}`);
    Object.assign(environment, parsed.variables);
  }
  Object.assign(environment, plan.environment);
  const settings = { ...fromSettings.settings, timeout: plan.timeout ?? fromSettings.settings.timeout, memorySize: plan.memorySize ?? fromSettings.settings.memorySize };
  const resolved = { settings, environment };
  const options = context.runtime.functions.optionsFor(target, { ...resolved, problems: [] }, plan.handlerFile);

  const event = await prepareEvent(context, plan, fromSettings.settings.event, fail);
  return event && { target, options, resolved, event };
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
