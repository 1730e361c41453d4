import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { type FunctionSettingsTable, type HandlerTarget, layerTables, parseFunctionSettings, type ResolvedFunctionSettings, resolveFunctionSettings } from '../../../server/src/runtime';

export type { ResolvedFunctionSettings } from '../../../server/src/runtime';

/**
 * Settings for a handler: `lambda-workbench.json` in its task root (shared
 * with the CLI), overridden by `lambdaWorkbench.functions` in VS Code's
 * settings (e.g. `.vscode/settings.json`); the env file's variables come
 * first, the `environment` map overrides them.
 */
export function readFunctionSettings(target: HandlerTarget): ResolvedFunctionSettings {
  const problems: string[] = [];
  const fromFile = workspaceFileTable(target.root, problems);
  const configured = vscode.workspace.getConfiguration('lambdaWorkbench', vscode.Uri.file(target.file)).get<unknown>('functions');
  const fromSettings = parseFunctionSettings(configured, 'lambdaWorkbench.functions');
  const resolved = resolveFunctionSettings(layerTables(fromFile, fromSettings.table), target.handler, (file) => readFileSync(resolve(target.root, file), 'utf8'));
  return { ...resolved, problems: [...problems, ...fromSettings.problems, ...resolved.problems] };
}

function workspaceFileTable(root: string, problems: string[]): FunctionSettingsTable {
  const path = join(root, 'lambda-workbench.json');
  if (!existsSync(path)) return {};
  try {
    const raw = (JSON.parse(readFileSync(path, 'utf8')) as { functions?: unknown } | null)?.functions;
    const { table, problems: found } = parseFunctionSettings(raw, `${path} functions`);
    problems.push(...found);
    return table;
  } catch (error) {
    problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}
