import * as vscode from 'vscode';
import { simulateAlb } from './alb/simulate-command';
import type { WorkbenchContext } from './context';

type CommandFactory = (context: WorkbenchContext) => (...args: unknown[]) => unknown;

/** Every command, by id without the `lambdaWorkbench.` prefix; contributed in package.json under the same ids. */
const commandTable: Readonly<Record<string, CommandFactory>> = {
  restartServer: (context) => () => context.restartServer(),
  showOutput: (context) => () => context.output.show(true),
  simulateAlb: (context) => (...args) => simulateAlb(context, args),
};

export function registerCommands(context: WorkbenchContext): void {
  for (const [name, factory] of Object.entries(commandTable)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(`lambdaWorkbench.${name}`, factory(context)));
  }
}
