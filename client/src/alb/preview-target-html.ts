import { STATUS_CODES } from 'node:http';
import { targetGroupName } from '../../../server/src/alb';
import type { TargetView } from './lambda-target';

/** Every value from the rules, the request, the settings or the function goes through `escape`. */
type Escape = (value: unknown) => string;

/** The Lambda target's part of the preview: what ran, the event it got, and the response the client gets. */
export function renderTarget(view: TargetView, escape: Escape): string {
  const group = escape(targetGroupName(view.arn) ?? view.arn);
  const warnings = view.warnings.length ? `<ul class="warnings">${view.warnings.map((w) => `<li>${escape(w)}</li>`).join('')}</ul>` : '';
  const body = ((): string => {
    switch (view.kind) {
      case 'unmapped':
        return `<p class="hint" id="target-status">To see what a Lambda function answers here, map target group <code>${group}</code> to a local handler: <code>"targetGroups"</code> in <code>lambda-workbench.json</code>, or the setting <code>lambdaWorkbench.alb.targetGroups</code>.</p>`;
      case 'problem':
        return `<p class="problem" id="target-status">${view.arn ? `Target group <code>${group}</code>: ` : ''}${escape(view.message)}</p>`;
      case 'untrusted':
        return `<p class="untrusted" id="target-status">Target group <code>${group}</code> is mapped to <code>${escape(view.handler)}</code> (${escape(view.source)}), but invoking it runs its code, which needs a trusted workspace. Trust this workspace to see its response.</p>
<button type="button" data-command="manageTrust">Manage Workspace Trust</button>`;
      case 'invoking':
        return `<p id="target-status" class="busy">Invoking <code>${escape(view.handler)}</code> (${escape(view.source)})…</p>`;
      case 'invoked':
        return renderExchange(view, escape);
    }
  })();
  return `<div id="target" data-target="${view.kind}">${body}${warnings}</div>`;
}

function renderExchange(view: Extract<TargetView, { kind: 'invoked' }>, escape: Escape): string {
  const { exchange } = view;
  const { response, failure, notes } = exchange.answer;
  const invoke = exchange.invoke;
  const ran = invoke ? `answered in ${escape(invoke.durationMs.toFixed(1))} ms` : 'was not invoked';
  const status = `<p class="outcome lambda" data-outcome="lambda"><span class="status-line" id="status">HTTP ${escape(response.status)} ${escape(response.reason ?? STATUS_CODES[response.status] ?? '')}</span></p>`;
  const headers = response.headers.map((h) => `<div class="header"><span class="name">${escape(h.name)}:</span> <code>${escape(h.value)}</code></div>`).join('');
  const contentType = response.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const content = response.binary
    ? `<p id="body" class="binary">${escape(response.bodyLength)} bytes of binary content${contentType ? ` (${escape(contentType)})` : ''}</p>`
    : response.body
      ? `<pre id="body">${escape(response.body)}</pre>`
      : '';
  return `<p id="target-status">Lambda <code>${escape(view.handler)}</code> ${ran} <span class="caption">(target group ${escape(view.source)}; multi-value headers ${view.group.multiValueHeaders ? 'on' : 'off'}${view.group.multiValueFrom === 'template' ? ' in the template' : ''})</span>
<button type="button" data-command="invokeAgain">Invoke again</button></p>
${failure ? `<p class="problem" id="failure">ALB answered itself: <code>${escape(failure.code)}</code>: ${escape(failure.message)}.</p>` : ''}
${status}
${headers}
${content}
${notes.length ? `<ul class="target-notes">${notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul>` : ''}
${exchange.event ? `<details><summary>The event ALB sent</summary><pre id="event">${escape(JSON.stringify(exchange.event, null, 2))}</pre></details>` : ''}
${invoke ? `<details><summary>What the function returned${invoke.errorType ? ` (${escape(invoke.errorType)})` : ''}</summary><pre id="result">${escape(pretty(invoke.payload))}</pre></details>` : ''}`;
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
