import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { type ForwardedTarget, mappingForTarget, parseTargetGroups, type TargetGroupMapping, templateFunctionFor } from '../../../server/src/alb';
import { handlerFileFor, handlerTarget, type HandlerTarget, isMalformed, parseHandlerString } from '../../../server/src/runtime';

/** A target group's local handler, where the mapping was found, and the handler as the runtime runs it. */
export interface MappedTarget {
  readonly mapping: TargetGroupMapping;
  /** `api in examples/handlers/lambda-workbench.json`, `api in lambdaWorkbench.alb.targetGroups`. */
  readonly source: string;
  readonly target: HandlerTarget;
  /** The template function's logical id when the template's own function is the target: its settings apply. */
  readonly templateFunctionId?: string;
}

/** The handler for a target group, or why there is none; `warnings` are mistakes found in the tables on the way. */
export type TargetLookup = (
  | { readonly kind: 'mapped'; readonly mapped: MappedTarget }
  | { readonly kind: 'unmapped' }
  | { readonly kind: 'problem'; readonly message: string }
) & { readonly warnings: readonly string[] };

/** Where mappings are read from: a table, and the folder its handler strings are relative to. */
export interface MappingSource {
  readonly label: string;
  readonly base: string;
  readonly raw: unknown;
}

const settingName = 'lambdaWorkbench.alb.targetGroups';

/**
 * The local handler for the target group a request of a rules document is forwarded to:
 * `lambdaWorkbench.alb.targetGroups` (handlers relative to the workspace
 * folder) wins over `targetGroups` in the workspace's `lambda-workbench.json`
 * files (handlers relative to the file's folder, the nearest file to the rules
 * first); without either, a template's own function for a `lambda` target group.
 */
export function lookUpTarget(rules: vscode.Uri, forwarded: ForwardedTarget, files: readonly MappingSource[]): TargetLookup {
  const folder = vscode.workspace.getWorkspaceFolder(rules) ?? vscode.workspace.workspaceFolders?.[0];
  const sources: MappingSource[] = [];
  if (folder) sources.push({ label: settingName, base: folder.uri.fsPath, raw: vscode.workspace.getConfiguration('lambdaWorkbench.alb', rules).get<unknown>('targetGroups') });
  sources.push(...files);
  const warnings: string[] = [];
  for (const source of sources) {
    const { table, problems } = parseTargetGroups(source.raw, source.label);
    warnings.push(...problems);
    const found = mappingForTarget(table, forwarded);
    if (found) return { ...resolveHandler(found.mapping, `${found.key} in ${source.label}`, source.base, folder?.uri.fsPath), warnings };
  }
  const own = rules.scheme === 'file' ? templateFunctionFor(forwarded, rules.fsPath) : undefined;
  if (own) return { ...templateTarget(own, forwarded.arn), warnings };
  return { kind: 'unmapped', warnings };
}

/** A template's own function: its code folder is the task root, as Lambda unpacks it there. */
function templateTarget(own: NonNullable<ReturnType<typeof templateFunctionFor>>, arn: string): Resolved {
  const source = `${arn} → ${own.logicalId} in the template`;
  const parsed = parseHandlerString(own.handler);
  if (isMalformed(parsed)) return { kind: 'problem', message: `the Handler "${own.handler}" of ${own.logicalId}: ${parsed.error}` };
  const file = handlerFileFor(own.root, parsed, existsSync);
  if (!file) return { kind: 'problem', message: `the Handler "${own.handler}" of ${own.logicalId} names no file: none of ${parsed.moduleRoot}${parsed.module}.js, .mjs, .cjs, .ts, .mts or .cts exists in ${own.root}` };
  return { kind: 'mapped', mapped: { mapping: { handler: own.handler }, source, target: { root: own.root, handler: own.handler, file }, templateFunctionId: own.logicalId } };
}

type Resolved = { readonly kind: 'mapped'; readonly mapped: MappedTarget } | { readonly kind: 'problem'; readonly message: string };

function resolveHandler(mapping: TargetGroupMapping, source: string, base: string, boundary: string | undefined): Resolved {
  const parsed = parseHandlerString(mapping.handler);
  if (isMalformed(parsed)) return { kind: 'problem', message: `the handler "${mapping.handler}" (${source}): ${parsed.error}; write path/to/file.export` };
  const file = handlerFileFor(base, parsed, existsSync);
  if (!file) return { kind: 'problem', message: `the handler "${mapping.handler}" (${source}) names no file: none of ${parsed.moduleRoot}${parsed.module}.js, .mjs, .cjs, .ts, .mts or .cts exists in ${base}` };
  const target = handlerTarget(file, parsed.exportPath, boundary, existsSync);
  if (isMalformed(target)) return { kind: 'problem', message: `the handler "${mapping.handler}" (${source}): ${target.error}` };
  return { kind: 'mapped', mapped: { mapping, source, target } };
}

/** Every `lambda-workbench.json` of the workspace with `targetGroups`, the nearest to the rules file first. */
export async function workspaceFiles(rules: vscode.Uri): Promise<MappingSource[]> {
  const found = await vscode.workspace.findFiles('**/lambda-workbench.json', '{**/node_modules/**,**/.git/**}', 50);
  const here = rules.scheme === 'file' ? dirname(rules.fsPath) : undefined;
  const distance = (file: string) => (here === undefined ? 0 : relative(here, dirname(file)).split(sep).filter((part) => part !== '').length);
  const sources: MappingSource[] = [];
  for (const uri of found.sort((a, b) => distance(a.fsPath) - distance(b.fsPath) || a.fsPath.localeCompare(b.fsPath))) {
    let raw: unknown;
    try {
      raw = (JSON.parse(readFileSync(uri.fsPath, 'utf8')) as { targetGroups?: unknown } | null)?.targetGroups;
    } catch {
      // A file that does not parse maps nothing; the runtime reports it when it reads the functions' settings.
      continue;
    }
    if (raw !== undefined) sources.push({ label: vscode.workspace.asRelativePath(uri), base: dirname(uri.fsPath), raw });
  }
  return sources;
}
