import * as vscode from 'vscode';
import type { PolicyRole } from '../../../server/src/iam';
import type { AddedPolicy } from './preview-html';

const roles: ReadonlyArray<{ readonly role: PolicyRole; readonly label: string; readonly detail: string }> = [
  { role: 'resource', label: 'Resource policy', detail: "The resource's own policy: a bucket policy, a role's trust policy, a key policy" },
  { role: 'boundary', label: 'Permissions boundary', detail: 'Limits what the identity policies may grant' },
  { role: 'scp', label: 'Service control policy (SCP)', detail: "An organization's limit on its accounts; each SCP given must allow" },
  { role: 'rcp', label: 'Resource control policy (RCP)', detail: "An organization's limit on its resources; each RCP given must allow" },
  { role: 'session', label: 'Session policy', detail: 'Limits an assumed-role session' },
  { role: 'identity', label: 'Identity policy', detail: "Another policy of the caller's" },
];

/** Asks what role the policy plays, then which workspace file holds it. */
export async function pickPolicy(): Promise<AddedPolicy | undefined> {
  const role = await vscode.window.showQuickPick(roles.map((r) => ({ ...r, label: r.label })), { title: 'Add a policy to the simulation', placeHolder: 'The role the policy plays' });
  if (!role) return undefined;
  const files = await vscode.workspace.findFiles('**/*.{json,jsonc,yaml,yml}', '{**/node_modules/**,**/.git/**,**/.vscode-test/**}', 2000);
  const items = files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label));
  const file = await vscode.window.showQuickPick(items, { title: `Add a ${role.label.toLowerCase()}`, placeHolder: 'A JSON or YAML file of the workspace holding the policy', matchOnDescription: true });
  return file ? { uri: file.uri.toString(), role: role.role } : undefined;
}
