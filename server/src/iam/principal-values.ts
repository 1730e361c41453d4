import type { Node } from 'jsonc-parser';
import type { Policy } from './policy';
import { isIntrinsic, strings } from './values';

/** One `kind: value` of a Principal or NotPrincipal object, e.g. AWS: "arn:aws:iam::123456789012:root". */
export interface PrincipalValue {
  readonly kind: string;
  readonly kindNode: Node;
  readonly node: Node;
  readonly value: string;
}

/** Every principal key of every statement, with its string values (intrinsics skipped). */
export function* principalEntries(policy: Policy): Iterable<{ kind: string; kindNode: Node; values: PrincipalValue[] }> {
  for (const statement of policy.statements) {
    for (const element of [statement.elements.Principal, statement.elements.NotPrincipal]) {
      if (element?.value.type !== 'object') continue;
      for (const property of element.value.children ?? []) {
        const [kindNode, value] = property.children ?? [];
        if (!kindNode || !value || isIntrinsic(value)) continue;
        const kind = String(kindNode.value);
        yield { kind, kindNode, values: strings(value).map((s) => ({ kind, kindNode, node: s.node, value: s.value })) };
      }
    }
  }
}
