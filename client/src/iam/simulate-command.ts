import * as vscode from 'vscode';
import type { PolicyRole } from '../../../server/src/iam';
import type { WorkbenchContext } from '../context';
import type { AddedPolicy } from './preview-html';
import { IamPreview } from './preview-panel';
import { parseIamRequestLine } from './request-line';
import { askForIamRequest, rememberIamRequest } from './request-prompt';

const roles: readonly PolicyRole[] = ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'];

/** Other policies given as an argument: `[{ uri, role }]`, the uri a vscode.Uri or its string. */
function addedPolicies(value: unknown): AddedPolicy[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item: unknown) => {
    const { uri, role } = (typeof item === 'object' && item !== null ? item : {}) as { uri?: unknown; role?: unknown };
    const text = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
    return text !== undefined && roles.includes(role as PolicyRole) ? [{ uri: text, role: role as PolicyRole }] : [];
  });
}

/**
 * "Simulate IAM request": the policy document is the first argument (from a
 * statement's lens) or the active editor; the second is a request line to
 * decide at once, or `{ prefill }`, a line to start the prompt from; the
 * third, other policies (`[{ uri, role }]`). Resolves with the preview.
 */
export async function simulateIam(context: WorkbenchContext, args: readonly unknown[]): Promise<IamPreview | undefined> {
  const uri = args[0] instanceof vscode.Uri ? args[0] : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Open an IAM policy first: a policy document, AWS CLI output holding one, or a template with policies.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  let request;
  if (typeof args[1] === 'string') {
    const parsed = parseIamRequestLine(args[1]);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`Simulate IAM request: ${parsed.error}.`);
      return undefined;
    }
    request = parsed.input;
  } else {
    const prefill = (args[1] as { prefill?: unknown } | undefined)?.prefill;
    request = await askForIamRequest(context, typeof prefill === 'string' ? prefill : undefined);
  }
  if (!request) return undefined;
  await rememberIamRequest(context.extension.globalState, request);
  return IamPreview.show(context, document, request, addedPolicies(args[2]));
}
