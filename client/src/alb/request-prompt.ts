import * as vscode from 'vscode';
import type { RequestInput } from '../../../server/src/alb';
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

/** Asks for a request: one of the recent ones, or a new one typed as a line (checked as it is typed). */
export async function askForRequest(state: vscode.Memento, current?: string): Promise<RequestInput | undefined> {
  const recent = recentRequests(state);
  let line: string | undefined;
  if (recent.length > 0) {
    const fresh = { label: '$(add) New request…', alwaysShow: true };
    const picked = await vscode.window.showQuickPick([fresh, ...recent.map((label) => ({ label }))], {
      title: 'Simulate request through ALB',
      placeHolder: 'A recent request, or a new one',
    });
    if (!picked) return undefined;
    if (picked !== fresh) line = picked.label;
  }
  line ??= await vscode.window.showInputBox({
    title: 'Simulate request through ALB',
    prompt: 'METHOD URL, then -H "Name: value" for headers, -d BODY for a body (a Lambda target gets it) and --source-ip IP for the client address',
    placeHolder: example,
    value: current ?? recent[0] ?? 'GET https://example.com/',
    validateInput: (text) => {
      const parsed = parseRequestLine(text);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (line === undefined) return undefined;
  const parsed = parseRequestLine(line);
  return 'input' in parsed ? parsed.input : undefined;
}
