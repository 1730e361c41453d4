import type { Node } from 'jsonc-parser';
import { memo } from './memo';
import type { Policy } from './policy';
import { isIntrinsic, strings } from './values';

/** One `kind: value` of a Principal or NotPrincipal object, e.g. AWS: "arn:aws:iam::123456789012:root". */
export interface PrincipalValue {
  readonly kind: string;
  readonly kindNode: Node;
  readonly node: Node;
  readonly value: string;
}

/** One principal key of a Principal or NotPrincipal object and its string values. */
export interface PrincipalEntry {
  readonly kind: string;
  readonly kindNode: Node;
  readonly values: readonly PrincipalValue[];
}

/** Every principal key of every statement, with its string values (intrinsics skipped); read once per policy. */
export function principalEntries(policy: Policy): readonly PrincipalEntry[] {
  return memo(policy, 'principalEntries', () => {
    const out: PrincipalEntry[] = [];
    policy.statements.forEach((statement) => {
      addEntries(out, statement.elements.Principal?.value);
      addEntries(out, statement.elements.NotPrincipal?.value);
    });
    return out;
  });
}

function addEntries(out: PrincipalEntry[], principal: Node | undefined): void {
  if (principal?.type !== 'object') return;
  for (const property of principal.children ?? []) {
    const [kindNode, value] = property.children ?? [];
    if (!kindNode || !value || isIntrinsic(value)) continue;
    const kind = String(kindNode.value);
    out.push({ kind, kindNode, values: strings(value).map((s) => ({ kind, kindNode, node: s.node, value: s.value })) });
  }
}
