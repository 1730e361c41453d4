import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { type FunctionSettingsTable, type HandlerTarget, type InvokeLayer, layerFunctionSettings, type LayeredFunctionSettings, missingTemplateValues, parseFunctionSettings, templateFileNames, type TemplateFunction, templateFunctionFor, workspaceFileSettings } from '../../../server/src/runtime';

export type { LayeredFunctionSettings } from '../../../server/src/runtime';

/** Where templates are never looked for: dependencies, build output, SAM's and CDK's copies. */
const notTemplates = '{**/node_modules/**,**/.git/**,**/.aws-sam/**,**/cdk.out/**,**/dist/**,**/out/**,**/.vscode-test/**}';

/**
 * A handler's settings, layered by the runtime engine (function-source.ts):
 * `invoke` (a launch configuration's attributes) over the workspace settings
 * (`lambda-workbench.json` in its task root, then `lambdaWorkbench.functions`
 * in VS Code's settings) over `template`'s function, over Lambda's defaults.
 * What the template cannot resolve locally and no layer gives is an invoke
 * problem: the run must not go on with the value missing.
 */
export function readFunctionSettings(target: HandlerTarget, template?: TemplateFunction, invoke?: InvokeLayer): LayeredFunctionSettings {
  const file = workspaceFileSettings(target.root);
  const configured = vscode.workspace.getConfiguration('lambdaWorkbench', vscode.Uri.file(target.file)).get<unknown>('functions');
  const fromSettings = parseFunctionSettings(configured, 'lambdaWorkbench.functions');
  const workspace: FunctionSettingsTable[] = [file.table, fromSettings.table];
  const layered = layerFunctionSettings({ root: target.root, workspace, ...(template ? { template: template.layer } : {}), ...(invoke ? { invoke } : {}) }, target.handler);
  const missing = template ? missingTemplateValues(template, layered.environment) : [];
  const id = template?.layer.functionId;
  const unresolved = missing.map((m) => (m.variable ? `${m.message}: set ${m.variable} under "${id}" in lambda-workbench.json's "functions" or in lambdaWorkbench.functions ({"${id}": {"environment": {"${m.variable}": "..."}}})` : m.message));
  return { ...layered, problems: [...file.problems, ...fromSettings.problems, ...(template?.warnings ?? []), ...layered.problems], invokeProblems: [...layered.invokeProblems, ...unresolved] };
}

/**
 * The settings of a handler run from the editor: with its template
 * function's (the one given, else the first template of the workspace whose
 * function has this code folder and handler string).
 */
export async function functionSettingsFor(target: HandlerTarget & { readonly template?: TemplateFunction }, invoke?: InvokeLayer): Promise<LayeredFunctionSettings> {
  return readFunctionSettings(target, target.template ?? (await workspaceTemplateFunction(target)), invoke);
}

/** The first function of the workspace's templates (template.yaml|yml|json, serverless.yml) that runs this handler from this folder. */
export async function workspaceTemplateFunction(target: HandlerTarget): Promise<TemplateFunction | undefined> {
  const found = await vscode.workspace.findFiles(`**/{${templateFileNames.join(',')}}`, notTemplates, 50);
  const paths = found.map((uri) => uri.fsPath).sort();
  const templates = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8').catch(() => '') })));
  return templateFunctionFor(templates, target.root, target.handler);
}

/** How messages and the result view name the template function whose settings a run took. */
export function describeTemplateFunction(template: LayeredFunctionSettings['template']): string | undefined {
  return template && `${template.functionId} in ${vscode.workspace.asRelativePath(template.path, false)}`;
}
