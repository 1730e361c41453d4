import * as vscode from 'vscode';
import { type ChainReport, simulateChain, type Trigger } from '../../../server/src/edge';
import type { InvokeResult } from '../../../server/src/runtime';
import type { WorkbenchContext } from '../context';
import { chainFunctions, chainOrigin, reportMarkdown } from '../edge/simulate-command';
import { exchangeThroughAlb } from './alb-event';
import { answerLines, routeLine } from './alb-route';
import type { PreparedEvent, PreparedRun } from './prepare';

/** What a run's event came to: the debugged function's invoke (when it ran) and what to show besides its result. */
export interface Driven {
  readonly invoked: { readonly payload: string; readonly result: InvokeResult } | undefined;
  /** Shows what the request came to beyond the function (ALB's answer, CloudFront's report), or why the function did not run. */
  readonly show: () => Promise<void>;
}

/**
 * Sends the run's event to the function, `invoke` running it: as it is, or
 * through the load balancer (the event ALB builds, the result turned into
 * the client's response), or through CloudFront's triggers (the other
 * triggers' handlers run as configured, the origin answers as configured).
 * The debugged run's duration leaves out the time the debugger held it, so
 * CloudFront judges it as it would the function's run on its own.
 */
export async function driveEvent(context: WorkbenchContext, name: string, prepared: PreparedRun, invoke: (payload: string) => Promise<InvokeResult>): Promise<Driven> {
  const event: PreparedEvent = prepared.event;
  const channel = context.runtime.functions.channel;
  switch (event.kind) {
    case 'payload': {
      const result = await invoke(event.payload);
      return { invoked: { payload: event.payload, result }, show: async () => {} };
    }
    case 'alb': {
      channel.appendLine(routeLine(event.route.trace, event.route.group.arn));
      let invoked: Driven['invoked'];
      const exchange = await exchangeThroughAlb(event.route, async (payload) => {
        const result = await invoke(payload);
        invoked = { payload, result };
        return result;
      });
      return {
        invoked,
        show: async () => {
          const [answer = '', ...notes] = answerLines(exchange);
          for (const line of [answer, ...notes]) channel.appendLine(line);
          if (!invoked) void vscode.window.showErrorMessage(`"${name}": ${answer}, without invoking the function.`);
          else if (exchange.answer.failure) void vscode.window.showWarningMessage(`"${name}": ${answer}.`);
        },
      };
    }
    case 'cloudfront':
      return throughCloudFront(context, name, prepared, event, invoke);
  }
}

async function throughCloudFront(
  context: WorkbenchContext,
  name: string,
  prepared: PreparedRun,
  event: Extract<PreparedEvent, { kind: 'cloudfront' }>,
  invoke: (payload: string) => Promise<InvokeResult>,
): Promise<Driven> {
  // The configuration's handler is the function of its trigger; the chain file's others keep theirs.
  const handlers = { ...event.file.handlers };
  delete handlers[event.trigger];
  const others = await chainFunctions(context, { ...event.file, handlers }, event.settings, event.chainRoot);
  const ours = { timeoutSeconds: prepared.resolved.settings.timeout, memoryMB: prepared.resolved.settings.memorySize, environment: prepared.resolved.environment };
  let invoked: Driven['invoked'];
  let report: ChainReport;
  try {
    report = await simulateChain(
      {
        request: event.request,
        functions: { ...Object.fromEntries([...others].map(([trigger, fn]) => [trigger, { timeoutSeconds: fn.config.timeoutSeconds, memoryMB: fn.config.memoryMB, environment: fn.config.environment }])), [event.trigger]: ours },
        origin: event.file.origin,
        originDomain: event.file.originDomain,
      },
      {
        invoke: async (trigger: Trigger, eventText: string) => {
          if (trigger !== event.trigger) return others.get(trigger)?.invoke({ payload: eventText }) ?? Promise.reject(new Error(`no function for ${trigger}`));
          const result = await invoke(eventText);
          invoked = { payload: eventText, result };
          return result;
        },
        fetchOrigin: chainOrigin(event.file),
      },
    );
  } finally {
    await Promise.all([...others.values()].map((fn) => fn.shutdown()));
  }
  const file = { ...event.file, handlers: { ...event.file.handlers, [event.trigger]: prepared.target.handler } };
  return {
    invoked,
    show: async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportMarkdown(report, file, event.requestName) });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      if (invoked) return;
      const step = report.steps.find((s) => s.trigger === event.trigger);
      const why = step && !step.ran ? step.reason : 'an earlier step ended the request';
      void vscode.window.showWarningMessage(`"${name}": CloudFront did not run the ${event.trigger} function: ${why}. The viewer gets ${report.viewerResponse.status}.`);
    },
  };
}
