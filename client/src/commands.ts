import * as vscode from 'vscode';
import { simulateAlb } from './alb/simulate-command';
import type { WorkbenchContext } from './context';
import { openDocs } from './docs';
import { debugHandler } from './debug/configuration';
import { newEdgeEvent } from './edge/new-event';
import { simulateIam } from './iam/simulate-command';
import { simulateCloudFront, type SimulateArgs } from './edge/simulate-command';
import { chooseEvent, invokeHandler } from './runtime/invoke';
import type { HandlerArgs } from './runtime/targets';
import { tryExample } from './walkthrough/try-example';

type CommandFactory = (context: WorkbenchContext) => (...args: unknown[]) => unknown;

/** Every command, by id without the `lambdaWorkbench.` prefix; contributed in package.json under the same ids. */
const commandTable: Readonly<Record<string, CommandFactory>> = {
  restartServer: (context) => () => context.restartServer(),
  showOutput: (context) => () => context.output.show(true),
  openDocs: (context) => (section) => openDocs(context, section),
  newEdgeEvent: () => (trigger, origin) => newEdgeEvent(trigger, origin),
  simulateCloudFront: (context) => (args) => simulateCloudFront(context, args as SimulateArgs | undefined),
  simulateAlb: (context) => (...args) => simulateAlb(context, args),
  simulateIam: (context) => (...args) => simulateIam(context, args),
  invokeHandler: (context) => (args) => invokeHandler(context, args as HandlerArgs | undefined),
  debugHandler: (context) => (args) => debugHandler(context, args as HandlerArgs | undefined),
  chooseEvent: (context) => (args) => chooseEvent(context, args as HandlerArgs | undefined),
  startEndpoint: (context) => (args) => context.runtime.endpoint.start(args as HandlerArgs | undefined),
  startFunctionUrl: (context) => (args) => context.runtime.endpoint.start(args as HandlerArgs | undefined, 'function-url'),
  stopEndpoint: (context) => () => context.runtime.endpoint.stopCommand(),
  tryExample: (context) => (step) => tryExample(context, step),
};

export function registerCommands(context: WorkbenchContext): void {
  for (const [name, factory] of Object.entries(commandTable)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(`lambdaWorkbench.${name}`, factory(context)));
  }
}
