import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { breakAt, nextStop, resultOf, rootOf, stackOf } from './debug-session';
import { lensesOf, waitFor } from './wait';

// Functions of a template through the real client: the Invoke lens above a function
// resource of examples/sam-hello/template.yaml runs it with the template's settings
// (Environment with Globals, Timeout, MemorySize, the logical id as its name), and the
// Invoke handler lens in its code folder's app.mjs takes the same settings, the result
// view naming the template function they came from.

const extensionId = 'lambda-workbench.lambda-workbench';

interface InvokeResult {
  readonly status: string;
  readonly payload: string;
}

interface Hello {
  readonly message: string;
  readonly stage: string;
  readonly functionName: string;
  readonly memoryLimitInMB: string;
  readonly remainingTimeInMillis: number;
}

const functionOf = (lens: vscode.CodeLens): string | undefined => (lens.command?.arguments?.[0] as { functionId?: string } | undefined)?.functionId;

/** The settings HelloFunction has in the template, as the handler reports them. */
function assertTemplateSettings(result: InvokeResult | undefined): void {
  assert.ok(result, 'the command ran nothing');
  assert.equal(result.status, 'success', result.payload);
  const body = JSON.parse(result.payload) as Hello;
  assert.equal(body.message, 'Hello from us-east-1, Ada', "the function's Environment, its !Sub evaluated");
  assert.equal(body.stage, 'dev', "Globals' Environment, the parameter's default");
  assert.equal(body.functionName, 'HelloFunction', 'named by its logical id');
  assert.equal(body.memoryLimitInMB, '256', 'its MemorySize');
  assert.ok(body.remainingTimeInMillis > 3000 && body.remainingTimeInMillis <= 6000, `the Globals' 6 s Timeout (remaining ${body.remainingTimeInMillis} ms)`);
}

/** The result document of a run with HelloFunction's settings: its name says which template function they came from. */
function assertResultNamesTemplate(): void {
  const names = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'lambda-workbench-result').map((d) => d.uri.path);
  assert.ok(names.includes('/app.handler · HelloFunction (template.yaml).json'), `result documents: ${names.join(', ')}`);
}

describe('runtime: functions of a template', () => {
  let folder: vscode.WorkspaceFolder;
  let templateUri: vscode.Uri;
  let event: string;

  before(async () => {
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'no workspace folder is open');
    folder = first;
    templateUri = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'template.yaml');
    event = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'events', 'greet.json').fsPath;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(templateUri));
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await waitFor(() => extension.isActive, `${extensionId} activating on a YAML file`);
  });

  it('shows Invoke, Debug and the event above the function resource, on its logical id', async () => {
    const lenses = await lensesOf(templateUri, (all) => all.some((l) => functionOf(l) === 'HelloFunction'), 'the Invoke lens on HelloFunction');
    const ours = lenses.filter((l) => functionOf(l) === 'HelloFunction');
    assert.deepEqual(ours.map((l) => [l.command?.title, l.command?.command]), [
      ['$(play) Invoke', 'lambdaWorkbench.invokeHandler'],
      ['$(debug-alt) Debug', 'lambdaWorkbench.debugHandler'],
      ['Choose event…', 'lambdaWorkbench.chooseEvent'],
    ]);
    const document = await vscode.workspace.openTextDocument(templateUri);
    assert.equal(document.getText(ours[0]?.range), 'HelloFunction');
  });

  it("runs the function with the template's settings when the Invoke lens is clicked, and remembers its event", async () => {
    const lenses = await lensesOf(templateUri, (all) => all.some((l) => functionOf(l) === 'HelloFunction'), 'the Invoke lens on HelloFunction');
    const invoke = lenses.find((l) => functionOf(l) === 'HelloFunction' && l.command?.command === 'lambdaWorkbench.invokeHandler');
    assert.ok(invoke?.command);
    const args = invoke.command.arguments?.[0] as object;
    assertTemplateSettings(await vscode.commands.executeCommand<InvokeResult>(invoke.command.command, { ...args, event }));
    assertResultNamesTemplate();

    const eventLens = await lensesOf(templateUri, (all) => all.some((l) => functionOf(l) === 'HelloFunction' && l.command?.title?.startsWith('Event:') === true), 'the event lens to name the event');
    assert.equal(eventLens.find((l) => functionOf(l) === 'HelloFunction' && l.command?.command === 'lambdaWorkbench.chooseEvent')?.command?.title, 'Event: sam-hello/events/greet.json');
    // Remembered for the function: an unanswered picker would hold this until the test times out.
    assertTemplateSettings(await vscode.commands.executeCommand<InvokeResult>(invoke.command.command, args));
  });

  it("gives the Invoke handler lens in the function's code the template's settings", async () => {
    const handlerUri = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'hello', 'app.mjs');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(handlerUri));
    const lenses = await lensesOf(handlerUri, (all) => all.some((l) => l.command?.command === 'lambdaWorkbench.invokeHandler'), 'the Invoke handler lens');
    const invoke = lenses.find((l) => l.command?.command === 'lambdaWorkbench.invokeHandler');
    assert.ok(invoke?.command);
    assertTemplateSettings(await vscode.commands.executeCommand<InvokeResult>(invoke.command.command, { ...(invoke.command.arguments?.[0] as object), event }));
    assertResultNamesTemplate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('debug: a function of a template', () => {
  before(async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    // As the debug suite does: no Save As for dirty editors, and the functions' log stays in view.
    await vscode.workspace.getConfiguration('debug').update('saveBeforeStart', 'none', vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('debug').update('internalConsoleOptions', 'neverOpen', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.workspace.getConfiguration('debug').update('saveBeforeStart', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('debug').update('internalConsoleOptions', undefined, vscode.ConfigurationTarget.Global);
  });

  it("the Debug lens stops in the function's code, then shows the result with the template's settings", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const templateUri = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'template.yaml');
    const code = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'hello', 'app.mjs');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(templateUri));
    const lenses = await lensesOf(templateUri, (all) => all.some((l) => functionOf(l) === 'HelloFunction' && l.command?.command === 'lambdaWorkbench.debugHandler'), 'the Debug lens on HelloFunction');
    const debug = lenses.find((l) => functionOf(l) === 'HelloFunction' && l.command?.command === 'lambdaWorkbench.debugHandler');
    assert.ok(debug?.command);

    breakAt(code, 5);
    const stopped = nextStop('app.mjs:5');
    const event = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'events', 'greet.json').fsPath;
    assert.equal(await vscode.commands.executeCommand<boolean>(debug.command.command, { ...(debug.command.arguments?.[0] as object), event }), true);
    const stop = await stopped;
    assert.equal(rootOf(stop.session).name, 'Debug HelloFunction');
    const top = (await stackOf(stop))[0];
    assert.equal(top?.source?.path, code.fsPath);
    assert.equal(top?.line, 5);
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const body = await resultOf('app.handler · HelloFunction (template.yaml)', (b) => b['message'] === 'Hello from us-east-1, Ada');
    assert.deepEqual([body['stage'], body['functionName'], body['memoryLimitInMB']], ['dev', 'HelloFunction', '256']);
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
  });
});

describe("runtime: a template's functions in an untrusted workspace", () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('offers no invoke: the lens says why, and the command runs nothing', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const templateUri = vscode.Uri.joinPath(folder.uri, 'sam-hello', 'template.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(templateUri));
    const lenses = await lensesOf(templateUri, (all) => all.some((l) => functionOf(l) === 'HelloFunction'), 'the lens on HelloFunction');
    assert.deepEqual(lenses.filter((l) => functionOf(l) !== undefined).map((l) => l.command?.title), ['$(shield) Invoke (needs a trusted workspace)']);
    const result = await vscode.commands.executeCommand<unknown>('lambdaWorkbench.invokeHandler', { template: templateUri.toString(), functionId: 'HelloFunction' });
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'lambda-workbench-result'), false, 'no result was shown');
  });
});
