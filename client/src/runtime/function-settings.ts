import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { parseEnvFile, parseFunctionSettings, settingsFor, type FunctionSettings, type FunctionSettingsTable } from '../../../server/src/runtime/settings';
import type { HandlerTarget } from '../../../server/src/runtime/task-root';

/** One function's settings with its environment resolved, and what was wrong on the way. */
export interface ResolvedFunctionSettings {
  readonly settings: FunctionSettings & { timeout: number; memorySize: number };
  readonly environment: Record<string, string>;
  readonly problems: string[];
}

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
  problems.push(...fromSettings.problems);
  const merged: Record<string, FunctionSettings> = { ...fromFile };
  for (const [key, value] of Object.entries(fromSettings.table)) {
    merged[key] = { ...merged[key], ...value, environment: { ...merged[key]?.environment, ...value.environment } };
  }
  const settings = settingsFor(merged, target.handler);
  const environment: Record<string, string> = {};
  if (settings.envFile) {
    const path = resolve(target.root, settings.envFile);
    try {
      const parsed = parseEnvFile(readFileSync(path, 'utf8'));
      Object.assign(environment, parsed.variables);
      problems.push(...parsed.problems.map((p) => `${path}:${p.line}: ${p.message}`));
    } catch (error) {
      problems.push(`envFile ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  Object.assign(environment, settings.environment);
  return { settings, environment, problems };
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
