import * as vscode from 'vscode';
import { parseRequest, type RequestInput } from '../../../server/src/alb';
import { formatRequestLine, parseRequestLine } from './request-line';

const recentKey = 'lambdaWorkbench.alb.recentRequests';
const recentLimit = 10;
const example = 'GET https://example.com/img/1.png -H "User-Agent: curl/8" --source-ip 203.0.113.7';

/** The requests simulated lately, newest first (kept across sessions in global state). */
export function recentRequests(state: vscode.Memento): string[] {
  const stored = state.get<unknown>(recentKey);
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function rememberRequest(state: vscode.Memento, input: RequestInput): Promise<void> {
  const line = formatRequestLine(input);
  await state.update(recentKey, [line, ...recentRequests(state).filter((l) => l !== line)].slice(0, recentLimit));
}

interface RequestItem extends vscode.QuickPickItem {
  /** The line as typed, rather than a recent request. */
  readonly typed?: boolean;
}

const shownPrompts = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem>>();
/** Fires with the request prompt when it shows; the integration tests type into the real prompt through it. */
export const onDidShowRequestPrompt = shownPrompts.event;

const title = 'Simulate request through ALB';
const prompt = 'METHOD URL, then -H "Name: value" for headers, -d BODY for a body (a Lambda target gets it) and --source-ip IP for the client address';

/** A request line read and checked as the simulator will read it (URL, headers, source address). */
function readLine(line: string): { input: RequestInput } | { error: string } {
  const parsed = parseRequestLine(line);
  if ('error' in parsed) return parsed;
  const checked = parseRequest(parsed.input);
  return 'problem' in checked ? { error: checked.problem.message } : parsed;
}

/**
 * Asks for a request in one box: the recent ones to pick from, and the line
 * being typed always offered first and highlighted, so Enter simulates what
 * was typed (a recent request only when chosen with the arrow keys). A typed
 * line that is not a request stays in the box with the reason.
 */
export async function askForRequest(state: vscode.Memento, current?: string): Promise<RequestInput | undefined> {
  const recent = recentRequests(state);
  const recentItems: RequestItem[] = recent.map((label) => ({ label, description: 'recent' }));
  const pick = vscode.window.createQuickPick<RequestItem>();
  pick.title = title;
  pick.placeholder = `Type a request (${example}) or pick a recent one`;
  pick.matchOnDescription = false;
  const offer = (value: string, problem?: string) => {
    if (value.trim() === '') {
      pick.items = recentItems;
      return;
    }
    const typed: RequestItem = { label: value, typed: true, alwaysShow: true, description: problem ? '' : 'simulate this request', detail: problem ?? prompt };
    pick.items = [typed, ...recentItems.filter((item) => item.label !== value)];
    pick.activeItems = [typed];
  };
  const initial = current ?? (recent.length === 0 ? 'GET https://example.com/' : '');
  pick.value = initial;
  offer(initial);
  return new Promise<RequestInput | undefined>((resolve) => {
    let settled = false;
    const finish = (input: RequestInput | undefined) => {
      if (settled) return;
      settled = true;
      resolve(input);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => offer(value));
    pick.onDidAccept(() => {
      // A typed request wins even when a recent one is highlighted (the highlight may predate the typing);
      // typed text that is no request (a filter, say) leaves the choice to the highlighted recent one.
      const typed = pick.value.trim() === '' ? undefined : readLine(pick.value);
      if (typed && 'input' in typed) return finish(typed.input);
      const chosen = pick.activeItems[0];
      if (chosen && !chosen.typed) {
        const parsed = readLine(chosen.label);
        if ('input' in parsed) return finish(parsed.input);
      }
      if (typed && 'error' in typed) offer(pick.value, `$(error) ${typed.error}`);
      return undefined;
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
    shownPrompts.fire(pick as vscode.QuickPick<vscode.QuickPickItem>);
  });
}
