import * as vscode from 'vscode';
import { iamRequestCompletionRequest, type IamRequestCompletionParams, type IamRequestCompletionResult } from '../../../server/src/lsp/protocol';
import type { WorkbenchContext } from '../context';
import { formatIamRequestLine, parseIamRequestLine, requestLineHelp, wordAtEnd, type IamRequestInput } from './request-line';

const recentKey = 'lambdaWorkbench.iam.recentRequests';
const recentLimit = 10;
const title = 'Simulate IAM request';

/** The requests simulated lately, newest first (kept across sessions in global state). */
function recentRequests(state: vscode.Memento): string[] {
  const stored = state.get<unknown>(recentKey);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function rememberIamRequest(state: vscode.Memento, input: IamRequestInput): Promise<void> {
  const line = formatIamRequestLine(input);
  await state.update(recentKey, [line, ...recentRequests(state).filter((l) => l !== line)].slice(0, recentLimit));
}

interface RequestItem extends vscode.QuickPickItem {
  /** What choosing it does: simulate the line, or put a completed word into the box and keep typing. */
  readonly role: 'typed' | 'recent' | 'completion';
}

const shownPrompts = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
/** Fires with the request prompt when it shows; the integration tests type into the real prompt through it. */
export const onDidShowIamRequestPrompt = shownPrompts.event;

/**
 * Asks for a request in one box: the line being typed first (Enter simulates
 * it), then completions of the word at the end (actions and context keys from
 * the IAM reference data, through the language server; choosing one puts it
 * in the box), then recent requests.
 */
export async function askForIamRequest(context: WorkbenchContext, current?: string): Promise<IamRequestInput | undefined> {
  const state = context.extension.globalState;
  const recentItems: RequestItem[] = recentRequests(state).map((label) => ({ label, description: 'recent', role: 'recent' }));
  const pick = vscode.window.createQuickPick<RequestItem>();
  pick.title = title;
  pick.placeholder = `Type a request (${requestLineHelp}) or pick a recent one`;
  let asked = 0;
  const offer = async (value: string, problem?: string) => {
    const mine = ++asked;
    if (value.trim() === '') {
      pick.items = recentItems;
      return;
    }
    const typed: RequestItem = { label: value, role: 'typed', alwaysShow: true, description: problem ? '' : 'simulate this request', detail: problem ?? requestLineHelp };
    pick.items = [typed, ...recentItems.filter((item) => item.label !== value)];
    pick.activeItems = [typed];
    const completions = await complete(context, value).catch((error: unknown) => {
      // Completion is a help: without it the line can still be typed, so log why and go on.
      context.output.warn(`IAM request completion: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    });
    if (mine !== asked || completions.length === 0) return;
    pick.items = [typed, ...completions, ...recentItems.filter((item) => item.label !== value)];
    pick.activeItems = [typed];
  };
  const initial = current ?? (recentItems.length === 0 ? 's3:GetObject arn:aws:s3:::example-bucket/report.csv' : '');
  pick.value = initial;
  void offer(initial);
  return new Promise<IamRequestInput | undefined>((resolve) => {
    let settled = false;
    const finish = (input: IamRequestInput | undefined) => {
      if (settled) return;
      settled = true;
      resolve(input);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => void offer(value));
    pick.onDidAccept(() => {
      const chosen = pick.activeItems[0];
      if (chosen?.role === 'completion') {
        pick.value = chosen.label;
        void offer(chosen.label);
        return;
      }
      const line = chosen?.role === 'recent' ? chosen.label : pick.value;
      const parsed = parseIamRequestLine(line);
      if ('input' in parsed) return finish(parsed.input);
      void offer(pick.value, `$(error) ${parsed.error}`);
      return undefined;
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
    shownPrompts.fire(pick as vscode.QuickPick<vscode.QuickPickItem>);
  });
}

/** The line with its last word completed, one item per proposal. */
async function complete(context: WorkbenchContext, line: string): Promise<RequestItem[]> {
  const word = wordAtEnd(line);
  const client = context.languageClient;
  if (!word || !client || (word.kind === 'action' && word.typed === '')) return [];
  const params: IamRequestCompletionParams = { word: word.kind, typed: word.typed, ...(word.action !== undefined ? { action: word.action } : {}) };
  const { proposals } = await client.sendRequest<IamRequestCompletionResult>(iamRequestCompletionRequest, params);
  const head = line.slice(0, line.length - word.typed.length);
  // A service prefix is followed by its action, an action by the resource, a key by its value.
  const after = (text: string) => (text.endsWith(':') ? '' : word.kind === 'action' ? ' ' : '=');
  return proposals
    .filter((p) => p.text !== word.typed)
    .map((p) => ({ label: `${head}${p.text}${after(p.text)}`, description: p.text, detail: p.detail, alwaysShow: true, role: 'completion' }));
}
