import { STATUS_CODES } from 'node:http';
import type { ListenerChoice, Outcome, RouteTrace, Verdict } from '../../../server/src/alb';
import type { TargetView } from './lambda-target';
import { renderTarget } from './preview-target-html';
import { escapeHtml, webviewDocument } from '../webview-html';

/** What the preview shows: the request, and either the trace or why there is none. */
export interface PreviewView {
  readonly requestLine: string;
  readonly documentName: string;
  readonly trace?: RouteTrace;
  readonly listeners?: readonly ListenerChoice[];
  readonly listener?: number;
  readonly problem?: string;
  /** The Lambda target the request was forwarded to, when there is one. */
  readonly target?: TargetView;
  /** 1-based line of an offset in the rules document, for "line 12". */
  readonly lineOf: (offset: number) => number;
}

/** What the page shows, read back from its DOM once rendered (the integration test waits for it). */
export interface ShownSummary {
  readonly request: string;
  readonly rules: ReadonlyArray<{ readonly rule: string; readonly state: string; readonly conditions: readonly string[] }>;
  readonly status: string | null;
  readonly headers: readonly string[];
  readonly problem: string | null;
  /** What the page says about the Lambda target: what ran, or why nothing did. */
  readonly target: string | null;
  /** ALB's reason when it answered in place of the function. */
  readonly failure: string | null;
  readonly body: string | null;
}

/** Messages the preview's script posts to the extension. */
export type PreviewMessage =
  | { readonly type: 'reveal'; readonly offset: number; readonly length: number }
  | { readonly type: 'changeRequest' }
  | { readonly type: 'invokeAgain' }
  | { readonly type: 'manageTrust' }
  | { readonly type: 'listener'; readonly index: number }
  | ({ readonly type: 'shown' } & ShownSummary);

const verdictMark: Readonly<Record<Verdict, string>> = { matched: '✓', 'not-matched': '✗', unknown: '?' };
const verdictWord: Readonly<Record<Verdict, string>> = { matched: 'matched', 'not-matched': 'not matched', unknown: 'unknown' };

/** The whole page: strict CSP with a nonce for the one style and the one script, VS Code theme colours. */
export function renderPreview(view: PreviewView, nonce: string): string {
  const body = view.problem !== undefined ? `<p class="problem" id="problem">${escapeHtml(view.problem)}</p>` : view.trace ? renderTrace(view, view.trace) : '<p>Routing…</p>';
  return webviewDocument({
    title: 'ALB simulation',
    nonce,
    style,
    script,
    body: `<header>
  <div><span class="caption">Request</span> <code id="request">${escapeHtml(view.requestLine)}</code></div>
  <button type="button" data-command="changeRequest">Change request…</button>
</header>
<div class="caption">Rules from ${escapeHtml(view.documentName)}</div>
${body}`,
  });
}

/** The tab title: the rules file first, so previews of different files can be told apart, then the request. */
export function previewTitle(fileName: string, request: { readonly method: string; readonly url: string }): string {
  return `ALB ${fileName}: ${request.method} ${request.url.replace(/^https?:\/\/[^/]*/, '') || '/'}`;
}

/**
 * The listener as a header line: its name ("HttpsListener") or its protocol
 * and port. Rules files that do not describe their listener get no line
 * (the model calls it "the listener", which read "Listener the listener").
 */
export function listenerLine(label: string, choice: ListenerChoice | undefined): string {
  const name = label.replace(/^(the )?listener ?/, '');
  const where = choice?.protocol ? `${choice.protocol}${choice.port === undefined ? '' : `:${choice.port}`}` : '';
  const text = [name, name && where ? `(${where})` : where].filter(Boolean).join(' ');
  return text ? `<span class="caption">Listener</span> ${escapeHtml(text)}` : '';
}

function renderTrace(view: PreviewView, trace: RouteTrace): string {
  const listeners = view.listeners ?? [];
  const picker =
    listeners.length > 1
      ? `<label>Listener <select id="listener">${listeners
          .map((l, i) => `<option value="${i}"${i === view.listener ? ' selected' : ''}>${escapeHtml(l.label)}${l.protocol ? ` (${escapeHtml(l.protocol)}${l.port === undefined ? '' : `:${escapeHtml(l.port)}`})` : ''}</option>`)
          .join('')}</select></label>`
      : listenerLine(trace.listener.label, listeners[view.listener ?? 0]);
  const rules = trace.rules
    .map((rule, i) => {
      const winner = i === trace.winner;
      const state = winner ? 'winner' : rule.reached ? rule.verdict : 'not-reached';
      const conditions = rule.conditions
        .map(
          (c) =>
            `<li class="condition ${c.verdict}" data-offset="${c.range.offset}" data-length="${c.range.length}" data-verdict="${c.verdict}" tabindex="0" role="button" title="Show in the rules file">` +
            `<span class="mark" aria-label="${verdictWord[c.verdict]}">${verdictMark[c.verdict]}</span> <span class="field">${escapeHtml(c.field)}</span> <span class="reason">${escapeHtml(c.reason)}</span></li>`,
        )
        .join('');
      const status = winner ? 'chosen' : rule.reached ? verdictWord[rule.verdict] : `${verdictWord[rule.verdict]}, not reached`;
      return `<li class="rule ${state}" data-rule="${escapeHtml(rule.label)}" data-verdict="${rule.verdict}" data-offset="${rule.range.offset}" data-length="${rule.range.length}" tabindex="0" role="button" title="Show in the rules file">
  <div class="head"><span class="mark">${winner ? '➜' : verdictMark[rule.verdict]}</span> <span class="label">${escapeHtml(rule.label)}</span>${rule.priority === undefined ? '' : ` <span class="priority">priority ${escapeHtml(rule.priority)}</span>`} <span class="status">${escapeHtml(status)}</span> <span class="line">line ${view.lineOf(rule.range.offset)}</span></div>
  ${conditions ? `<ul class="conditions">${conditions}</ul>` : rule.isDefault ? '<div class="reason">applies when no other rule matches</div>' : ''}
</li>`;
    })
    .join('\n');
  const notes = trace.notes.length ? `<section id="notes"><h2>Notes</h2><ul>${trace.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></section>` : '';
  return `<div class="listener">${picker}</div>
<h2>Rules, in the order ALB evaluates them</h2>
<ol id="rules">${rules}</ol>
<section id="response"><h2>Response</h2>${renderOutcome(trace)}${view.target ? renderTarget(view.target, escapeHtml) : ''}</section>
${notes}`;
}

function renderOutcome(trace: RouteTrace): string {
  const outcome: Outcome = trace.outcome;
  if (outcome.kind === 'none') return `<p class="outcome none" data-outcome="none">${escapeHtml(`No response: ${outcome.reason}.`)}</p>`;
  if (outcome.kind === 'forward') {
    const groups = outcome.targetGroups
      .map(
        (g) =>
          `<tr class="${g.arn === outcome.chosen ? 'chosen' : ''}"><td>${g.arn === outcome.chosen ? '➜' : ''}</td><td><code>${escapeHtml(g.arn)}</code></td><td>weight ${escapeHtml(g.weight)}</td><td><meter min="0" max="1" value="${g.share}" aria-hidden="true"></meter> ${escapeHtml((g.share * 100).toFixed(g.share * 100 % 1 ? 1 : 0))}%</td></tr>`,
      )
      .join('');
    const f = outcome.forwarded;
    const rewritten = f.host !== trace.request.host || f.path !== trace.request.path || f.query !== trace.request.query;
    return `<p class="outcome forward" data-outcome="forward">Forwarded to a target group.</p>
<table class="groups">${groups}</table>
${outcome.stickinessSeconds ? `<p>Sticky for ${escapeHtml(outcome.stickinessSeconds)} seconds.</p>` : ''}
${rewritten ? `<p>The target receives Host <code>${escapeHtml(f.host)}</code> and <code>${escapeHtml(f.path + (f.query ? `?${f.query}` : ''))}</code>.</p>` : ''}`;
  }
  const response = trace.response;
  if (!response) return '';
  const headers = response.headers.map((h) => `<div class="header"><span class="name">${escapeHtml(h.name)}:</span> <code>${escapeHtml(h.value)}</code></div>`).join('');
  return `<p class="outcome ${outcome.kind}" data-outcome="${outcome.kind}"><span class="status-line" id="status">HTTP ${escapeHtml(response.status)} ${escapeHtml(STATUS_CODES[response.status] ?? '')}</span></p>
${headers}
${response.body ? `<pre id="body">${escapeHtml(response.body)}</pre>` : ''}`;
}

const style = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 1em; }
header { display: flex; gap: 1em; align-items: center; justify-content: space-between; padding: .6em 0; border-bottom: 1px solid var(--vscode-panel-border); }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { background: var(--vscode-textCodeBlock-background); padding: .5em; white-space: pre-wrap; }
h2 { font-size: 1em; margin: 1.2em 0 .4em; }
.caption { color: var(--vscode-descriptionForeground); margin-right: .4em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .8em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border); }
ol#rules { list-style: none; padding: 0; }
.rule { border: 1px solid var(--vscode-panel-border); border-radius: 3px; margin: .3em 0; padding: .3em .6em; cursor: pointer; }
.rule:focus, .condition:focus { outline: 1px solid var(--vscode-focusBorder); }
.rule.winner { border-color: var(--vscode-testing-iconPassed); background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.rule.not-reached { opacity: .6; }
.head .label { font-weight: bold; }
.priority, .line, .status { color: var(--vscode-descriptionForeground); margin-left: .6em; }
.rule.winner .status { color: inherit; font-weight: bold; }
.conditions { list-style: none; padding-left: 1.4em; margin: .2em 0; }
.condition .field { font-family: var(--vscode-editor-font-family); }
.condition .reason, .reason { color: var(--vscode-descriptionForeground); }
/* Text colours (not icon colours) so marks keep text contrast in every theme; on the chosen rule they take its foreground. */
.matched > .mark, .condition.matched .mark { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-foreground)); }
.not-matched > .mark, .condition.not-matched .mark, .rule.not-matched .head .mark { color: var(--vscode-errorForeground); }
.unknown .mark { color: var(--vscode-list-warningForeground, var(--vscode-foreground)); }
.rule.winner .mark, .rule.winner .condition .mark { color: inherit; }
.status-line { font-weight: bold; }
.header .name { color: var(--vscode-descriptionForeground); }
.groups td { padding: .1em .5em; }
.groups tr.chosen { font-weight: bold; }
.problem { color: var(--vscode-errorForeground); }
.hint, .busy, .warnings { color: var(--vscode-descriptionForeground); }
.untrusted { color: var(--vscode-editorWarning-foreground); }
#target { margin-top: .8em; padding-top: .4em; border-top: 1px solid var(--vscode-panel-border); }
#target button { margin-left: .6em; }
details { margin: .4em 0; }
summary { cursor: pointer; color: var(--vscode-textLink-foreground); }
`;

/** Clicks and Enter on a rule or condition reveal it; buttons and the listener picker post their message. */
const script = `
const vscode = acquireVsCodeApi();
function act(target) {
  const command = target.closest('[data-command]');
  if (command) { vscode.postMessage({ type: command.dataset.command }); return; }
  const item = target.closest('[data-offset]');
  if (item) vscode.postMessage({ type: 'reveal', offset: Number(item.dataset.offset), length: Number(item.dataset.length) });
}
document.addEventListener('click', (event) => { event.stopPropagation(); act(event.target); });
document.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); act(event.target); } });
const picker = document.getElementById('listener');
if (picker) picker.addEventListener('change', () => vscode.postMessage({ type: 'listener', index: Number(picker.value) }));
const text = (id) => { const element = document.getElementById(id); return element ? element.textContent.trim() : null; };
vscode.postMessage({
  type: 'shown',
  request: text('request') || '',
  rules: Array.from(document.querySelectorAll('#rules > .rule'), (rule) => ({
    rule: rule.dataset.rule,
    state: rule.classList[1],
    conditions: Array.from(rule.querySelectorAll('.condition'), (condition) => condition.dataset.verdict),
  })),
  status: text('status'),
  headers: Array.from(document.querySelectorAll('#response .header'), (header) => header.textContent.trim()),
  problem: text('problem'),
  target: text('target-status'),
  failure: text('failure'),
  body: text('body'),
});
`;
