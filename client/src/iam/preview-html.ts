import type { Decision, PolicyRole } from '../../../server/src/iam';
import type { IamConditionView, IamPolicyView, IamSimulateResult, IamStatementView } from '../../../server/src/lsp/protocol';
import { escapeHtml, webviewDocument } from '../webview-html';

/** A policy file the preview was given besides the document, with the role it plays. */
export interface AddedPolicy {
  readonly uri: string;
  readonly role: PolicyRole;
}

/** What the preview shows: the request, and the answer or why there is none. */
export interface IamPreviewView {
  readonly requestLine: string;
  readonly documentName: string;
  readonly added: readonly AddedPolicy[];
  readonly result?: IamSimulateResult;
  readonly problem?: string;
  /** A file's name as the page shows it (workspace-relative). */
  readonly nameOf: (uri: string) => string;
  /** 1-based line of an offset in a file, for "line 12". */
  readonly lineOf: (uri: string, offset: number) => number;
}

/** What the page shows, read back from its DOM once rendered (the integration test waits for it). */
export interface IamShownSummary {
  readonly request: string;
  readonly decision: string | null;
  readonly statements: ReadonlyArray<{ readonly sid: string; readonly applies: boolean; readonly deciding: boolean; readonly marks: readonly string[] }>;
  readonly missing: readonly string[];
  readonly notes: readonly string[];
  readonly problem: string | null;
}

/** Messages the preview's script posts to the extension. */
export type IamPreviewMessage =
  | { readonly type: 'reveal'; readonly uri: string; readonly offset: number; readonly length: number }
  | { readonly type: 'changeRequest' }
  | { readonly type: 'addPolicy' }
  | { readonly type: 'removePolicy'; readonly index: number }
  | ({ readonly type: 'shown' } & IamShownSummary);

export const roleNames: Readonly<Record<PolicyRole, string>> = {
  identity: 'Identity policy', resource: 'Resource policy', boundary: 'Permissions boundary', session: 'Session policy', scp: 'SCP', rcp: 'RCP',
};

const decisionWords: Readonly<Record<Decision, string>> = {
  allowed: 'Allowed',
  explicitDeny: 'Denied by an explicit Deny',
  implicitDeny: 'Denied: nothing allows it (implicit deny)',
};

const mark = (matched: boolean) => (matched ? '✓' : '✗');

/** The whole page: strict CSP with a nonce for the one style and the one script, VS Code theme colours. */
export function renderIamPreview(view: IamPreviewView, nonce: string): string {
  const body = view.problem !== undefined ? `<p class="problem" id="problem">${escapeHtml(view.problem)}</p>` : view.result ? renderResult(view, view.result) : '<p>Evaluating…</p>';
  const added = view.added
    .map((p, i) => `<li>${escapeHtml(roleNames[p.role])} <code>${escapeHtml(view.nameOf(p.uri))}</code> <button type="button" class="link" data-command="removePolicy" data-index="${i}">Remove</button></li>`)
    .join('');
  return webviewDocument({
    title: 'IAM simulation',
    nonce,
    style,
    script,
    body: `<header>
  <div><span class="caption">Request</span> <code id="request">${escapeHtml(view.requestLine)}</code></div>
  <div class="actions"><button type="button" data-command="changeRequest">Change request…</button> <button type="button" data-command="addPolicy">Add policy…</button></div>
</header>
<div class="caption">Policies from ${escapeHtml(view.documentName)}${added ? '' : ', and no others'}</div>
${added ? `<ul id="added">${added}</ul>` : ''}
${body}`,
  });
}

/** The tab title: the policy file first, so previews of different files can be told apart, then the action. */
export function iamPreviewTitle(fileName: string, action: string): string {
  return `IAM ${fileName}: ${action}`;
}

function renderResult(view: IamPreviewView, result: IamSimulateResult): string {
  if ('problems' in result) {
    return `<div class="problem" id="problem">${result.problems.map((p) => `<p>${escapeHtml(view.nameOf(p.uri))}: ${escapeHtml(p.message)}</p>`).join('')}</div>`;
  }
  const reasons = result.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('');
  const missing = result.missingContextValues.length
    ? `<section><h2>Missing context values</h2><p class="hint">Keys the policies read that the request does not give; add them as KEY=VALUE.</p><ul id="missing">${result.missingContextValues.map((k) => `<li><code>${escapeHtml(k)}</code></li>`).join('')}</ul></section>`
    : '';
  // Above the decision: a misspelt action or key makes the decision answer another request than the one meant.
  const notes = result.notes.length ? `<ul id="notes">${result.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `${notes}<section id="answer"><p class="decision ${result.decision}" id="decision" data-decision="${result.decision}"><span class="word">${escapeHtml(decisionWords[result.decision])}</span> <code>${result.decision}</code></p>
<ul class="reasons">${reasons}</ul></section>
${missing}
${result.policies.map((p) => renderPolicy(view, p)).join('\n')}`;
}

function renderPolicy(view: IamPreviewView, policy: IamPolicyView): string {
  const statements = policy.statements.map((s) => renderStatement(view, policy.uri, s)).join('\n');
  return `<section class="policy" data-role="${policy.role}"><h2>${escapeHtml(roleNames[policy.role])} <span class="file">${escapeHtml(view.nameOf(policy.uri))}</span></h2>
<ol class="statements">${statements || '<li class="hint">No statements.</li>'}</ol></section>`;
}

function at(uri: string, range: { readonly offset: number; readonly length: number }): string {
  return `data-uri="${escapeHtml(uri)}" data-offset="${range.offset}" data-length="${range.length}" tabindex="0" role="button" title="Show in the policy"`;
}

function renderStatement(view: IamPreviewView, uri: string, s: IamStatementView): string {
  const effect = s.effect ?? 'no Allow or Deny';
  const status = s.deciding ? 'decides' : s.applies ? 'applies' : 'does not apply';
  const elements = [
    element('action', s.action.matched, s.action.reason),
    ...(s.action.matched ? [element('resource', s.resource.matched, s.resource.reason)] : []),
    ...(s.principal ? [element('principal', s.principal.matched, s.principal.reason)] : []),
    ...s.conditions.map((c) => condition(uri, c)),
  ].join('');
  return `<li class="statement ${s.applies ? 'applies' : 'not-applies'}${s.deciding ? ' deciding' : ''}" data-sid="${escapeHtml(s.sid ?? '')}" data-applies="${s.applies}" data-deciding="${s.deciding}" ${at(uri, s.range)}>
  <div class="head"><span class="mark" aria-label="${status}">${mark(s.applies)}</span> <span class="effect">${escapeHtml(effect)}</span>${s.sid !== null ? ` <span class="sid">${escapeHtml(s.sid)}</span>` : ''} <span class="status">${status}</span> <span class="line">line ${view.lineOf(uri, s.range.offset)}</span></div>
  <ul class="elements">${elements}</ul>
</li>`;
}

function element(name: string, matched: boolean, reason: string): string {
  return `<li class="element ${matched ? 'matched' : 'not-matched'}" data-mark="${mark(matched)}"><span class="mark">${mark(matched)}</span> <span class="field">${name}</span> <span class="reason">${escapeHtml(reason)}</span></li>`;
}

function condition(uri: string, c: IamConditionView): string {
  const values = c.values.map((v) => JSON.stringify(v)).join(', ');
  return `<li class="element condition ${c.matched ? 'matched' : 'not-matched'}" data-mark="${mark(c.matched)}" ${at(uri, c.range)}><span class="mark">${mark(c.matched)}</span> <span class="field">${escapeHtml(c.operator)} ${escapeHtml(c.key)}</span> <code>${escapeHtml(values)}</code> <span class="reason">${escapeHtml(c.reason)}</span></li>`;
}

const style = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 1em; }
header { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: center; justify-content: space-between; padding: .6em 0; border-bottom: 1px solid var(--vscode-panel-border); }
code { font-family: var(--vscode-editor-font-family); }
.actions { display: flex; flex-wrap: wrap; gap: .4em; flex-shrink: 0; }
h2 { font-size: 1em; margin: 1.2em 0 .4em; }
h2 .file { font-weight: normal; color: var(--vscode-descriptionForeground); }
.caption { color: var(--vscode-descriptionForeground); margin-right: .4em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .8em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.link { color: var(--vscode-textLink-foreground); background: none; padding: 0 .3em; }
.decision { font-size: 1.2em; font-weight: bold; margin: .8em 0 .2em; }
.decision code { font-weight: normal; color: var(--vscode-descriptionForeground); margin-left: .5em; }
.decision.allowed .word { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-foreground)); }
.decision.explicitDeny .word, .decision.implicitDeny .word { color: var(--vscode-errorForeground); }
.reasons, #missing { margin: .2em 0; }
#notes { list-style: none; padding: .4em .6em; margin: .8em 0 0; border-left: 3px solid var(--vscode-editorWarning-foreground); background: var(--vscode-inputValidation-warningBackground); }
ol.statements { list-style: none; padding: 0; }
.statement { border: 1px solid var(--vscode-panel-border); border-radius: 3px; margin: .3em 0; padding: .3em .6em; cursor: pointer; }
.statement:focus, .condition:focus { outline: 1px solid var(--vscode-focusBorder); }
.statement.deciding { border-color: var(--vscode-focusBorder); background: var(--vscode-list-inactiveSelectionBackground); }
.statement.not-applies { opacity: .8; }
.head .effect { font-weight: bold; }
.sid, .line, .status { color: var(--vscode-descriptionForeground); margin-left: .6em; }
.statement.deciding .status { color: inherit; font-weight: bold; }
.elements { list-style: none; padding-left: 1.4em; margin: .2em 0; }
.field { font-family: var(--vscode-editor-font-family); }
.reason, .hint { color: var(--vscode-descriptionForeground); }
/* Text colours (not icon colours) so marks keep text contrast in every theme. */
.matched > .mark, .applies > .head > .mark { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-foreground)); }
.not-matched > .mark, .not-applies > .head > .mark { color: var(--vscode-errorForeground); }
.problem { color: var(--vscode-errorForeground); }
`;

/** Clicks and Enter on a statement or condition reveal it; buttons post their message. */
const script = `
const vscode = acquireVsCodeApi();
function act(target) {
  const command = target.closest('[data-command]');
  if (command) { vscode.postMessage({ type: command.dataset.command, index: Number(command.dataset.index || 0) }); return; }
  const item = target.closest('[data-offset]');
  if (item) vscode.postMessage({ type: 'reveal', uri: item.dataset.uri, offset: Number(item.dataset.offset), length: Number(item.dataset.length) });
}
document.addEventListener('click', (event) => { event.stopPropagation(); act(event.target); });
document.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); act(event.target); } });
const text = (id) => { const element = document.getElementById(id); return element ? element.textContent.trim() : null; };
const decision = document.getElementById('decision');
vscode.postMessage({
  type: 'shown',
  request: text('request') || '',
  decision: decision ? decision.dataset.decision : null,
  statements: Array.from(document.querySelectorAll('.statement'), (s) => ({
    sid: s.dataset.sid,
    applies: s.dataset.applies === 'true',
    deciding: s.dataset.deciding === 'true',
    marks: Array.from(s.querySelectorAll('.element'), (e) => e.dataset.mark + ' ' + e.querySelector('.field').textContent),
  })),
  missing: Array.from(document.querySelectorAll('#missing code'), (c) => c.textContent),
  notes: Array.from(document.querySelectorAll('#notes li'), (n) => n.textContent.trim()),
  problem: text('problem'),
});
`;
