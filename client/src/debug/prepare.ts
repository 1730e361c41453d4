import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FunctionOptions } from '../../../server/src/runtime/config';
import { parseEnvFile } from '../../../server/src/runtime/settings';
import type { HandlerTarget } from '../../../server/src/runtime/task-root';
import type { WorkbenchContext } from '../context';
import { readFunctionSettings } from '../runtime/function-settings';
import { readEvent } from '../runtime/invoke';
import { albTargetEvent } from './alb-event';
import { planLaunch, type FileProbe, type LaunchPlan } from './launch-config';

/** Everything a debug run needs before it starts a process. */
export interface PreparedRun {
  readonly target: HandlerTarget;
  readonly options: FunctionOptions;
  readonly payload: string;
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
 * Turns a checked configuration into the function's options and the event's
 * JSON. The configuration's attributes override the function's settings
 * (lambda-workbench.json, lambdaWorkbench.functions), which override Lambda's
 * defaults; environments merge in that order, each env file before its map.
 * Shows what went wrong and gives undefined when the event cannot be made.
 */
async function prepareRun(context: WorkbenchContext, plan: LaunchPlan): Promise<PreparedRun | undefined> {
  const target: HandlerTarget = { root: plan.root, handler: plan.handler, file: plan.moduleFile };
  const resolved = readFunctionSettings(target);
  for (const problem of resolved.problems) context.output.warn(`Settings for ${target.handler}: ${problem}`);
  const fail = (message: string): undefined => {
    void vscode.window.showErrorMessage(`Cannot debug "${plan.name}": ${message}`);
    return undefined;
  };

  const environment: Record<string, string> = { ...resolved.environment };
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
  const settings = { ...resolved.settings, timeout: plan.timeout ?? resolved.settings.timeout, memorySize: plan.memorySize ?? resolved.settings.memorySize };
  const options = context.runtime.functions.optionsFor(target, { settings, environment, problems: [] }, plan.handlerFile);

  let payload: string | undefined;
  const event = plan.event;
  switch (event.kind) {
    case 'settings':
      payload = resolved.settings.event ? await readEvent({ kind: 'file', path: resolved.settings.event }, plan.root) : '{}';
      break;
    case 'file':
      payload = await readEvent({ kind: 'file', path: event.path }, plan.root);
      break;
    case 'inline':
      payload = event.payload;
      break;
    case 'alb': {
      const routed = await albTargetEvent(context, event);
      if ('problem' in routed) return fail(`"alb": ${routed.problem}`);
      context.runtime.functions.channel.appendLine(`ALB ${routed.route}`);
      payload = routed.payload;
      break;
    }
  }
  return payload === undefined ? undefined : { target, options, payload };
}
