import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import * as vscode from 'vscode';
import { type EventProblem, type HandlerTarget, prepareEvent, sampleEvents } from '../../../server/src/runtime';

/** The event a handler is invoked with: a JSON file, or one of the generated samples. */
export type EventChoice = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'sample'; readonly id: string };

const recentKey = 'lambdaWorkbench.recentEvents';
/** Per handler; per function for a template's function (two functions may share a handler). */
function choiceKey(target: EventOwner | TemplateOwner): string {
  if (target.template) return `lambdaWorkbench.event:${target.template.layer.templatePath}#${target.template.layer.functionId}`;
  const { root, handler } = target as EventOwner;
  return `lambdaWorkbench.event:${root}:${handler}`;
}

/** A template's function, as its events are remembered. */
export interface TemplateOwner {
  readonly template: { readonly layer: { readonly templatePath: string; readonly functionId: string } };
}

/** What an event is remembered for: a handler, or a template's function. */
export type EventOwner = HandlerTarget & Partial<TemplateOwner>;
/** Files that are JSON but never events. */
const notEvents = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.vscode-test/**,**/.vscode/**,**/package.json,**/package-lock.json,**/tsconfig*.json,**/lambda-workbench.json,**/cdk.out/**,**/.aws-sam/**}';

/** The event remembered for this handler (workspace state), if any. */
export function rememberedEvent(state: vscode.Memento, target: EventOwner | TemplateOwner): EventChoice | undefined {
  return state.get<EventChoice>(choiceKey(target));
}

export async function rememberEvent(state: vscode.Memento, target: EventOwner, choice: EventChoice): Promise<void> {
  await state.update(choiceKey(target), choice);
  if (choice.kind === 'file') {
    const recent = [choice.path, ...(state.get<string[]>(recentKey) ?? []).filter((p) => p !== choice.path)].slice(0, 8);
    await state.update(recentKey, recent);
  }
}

/** How the lens and messages name an event: relative to the handler's task root, else to the workspace (absolute only outside it). */
export function describeChoice(choice: EventChoice, root: string): string {
  if (choice.kind === 'sample') return sampleEvents.find((s) => s.id === choice.id)?.label ?? choice.id;
  const path = resolve(root, choice.path);
  const rel = relative(root, path);
  return isAbsolute(rel) || rel.startsWith('..') ? vscode.workspace.asRelativePath(path, false) : rel;
}

interface ChoiceItem extends vscode.QuickPickItem {
  readonly choice?: EventChoice;
  readonly browse?: boolean;
}

/** Which of these JSON texts could be events (the language server's classification); undefined when it cannot tell. */
export type EventShapes = (texts: readonly string[]) => Promise<readonly boolean[] | undefined>;

/** Files of the workspace that could be events: IAM policies, ALB configs, templates and invalid JSON left out when the server can tell. */
async function workspaceEventFiles(eventShapes: EventShapes): Promise<string[]> {
  const paths = (await vscode.workspace.findFiles('**/*.json', notEvents, 300)).map((uri) => uri.fsPath);
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8').catch(() => '')));
  const shaped = await eventShapes(texts);
  return shaped ? paths.filter((_, i) => shaped[i] === true) : paths;
}

/** Asks which event to send: recent files, event-shaped JSON files of the workspace (event-like names first), generated samples, or any file. */
export async function pickEvent(state: vscode.Memento, target: EventOwner, eventShapes: EventShapes): Promise<EventChoice | undefined> {
  const recent = (state.get<string[]>(recentKey) ?? []).map((path): ChoiceItem => ({ label: `$(history) ${describeChoice({ kind: 'file', path }, target.root)}`, choice: { kind: 'file', path } }));
  const found = await workspaceEventFiles(eventShapes);
  const eventLike = (path: string) => (/event|fixture|payload|sample/i.test(path) ? 0 : 1);
  const files = found
    .filter((path) => !recent.some((r) => r.choice?.kind === 'file' && r.choice.path === path))
    .sort((a, b) => eventLike(a) - eventLike(b) || a.localeCompare(b))
    .map((path): ChoiceItem => ({ label: `$(json) ${vscode.workspace.asRelativePath(path)}`, choice: { kind: 'file', path } }));
  const samples = sampleEvents.map((s): ChoiceItem => ({ label: `$(sparkle) ${s.label}`, description: 'generated sample', choice: { kind: 'sample', id: s.id } }));
  const separator = (label: string): ChoiceItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: ChoiceItem[] = [
    ...(recent.length ? [separator('Recent'), ...recent] : []),
    ...(files.length ? [separator('Workspace events'), ...files] : []),
    separator('Generated samples'),
    ...samples,
    separator(''),
    { label: '$(folder-opened) Browse…', browse: true },
  ];
  const owner = target.template ? `function ${target.template.layer.functionId}` : 'handler';
  const picked = await vscode.window.showQuickPick(items, { title: `Event for ${target.template?.layer.functionId ?? target.handler}`, placeHolder: `The event to invoke the ${owner} with (remembered for this ${owner})`, matchOnDescription: true });
  if (!picked) return undefined;
  if (!picked.browse) return picked.choice;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'JSON event': ['json'] }, defaultUri: vscode.Uri.file(target.root), openLabel: 'Use as event' });
  const file = chosen?.[0];
  return file ? { kind: 'file', path: file.fsPath } : undefined;
}

/** The event's JSON text, or where it is not JSON. */
export async function loadEvent(choice: EventChoice, root: string): Promise<{ payload: string } | { problem: EventProblem; path: string }> {
  if (choice.kind === 'sample') return { payload: JSON.stringify(sampleEvents.find((s) => s.id === choice.id)?.event ?? {}) };
  const path = resolve(root, choice.path);
  const prepared = prepareEvent(await readFile(path, 'utf8'));
  return 'problem' in prepared ? { problem: prepared.problem, path } : prepared;
}
