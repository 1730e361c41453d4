import type { Node } from 'jsonc-parser';
import type { Fix, TextRange } from '../language/finding';
import type { Policy } from './policy';

/**
 * Removes an array item or a property (given its key or value node) with the
 * comma that separates it from a neighbour, so the JSON stays valid.
 */
function removal(policy: Policy, node: Node): TextRange {
  const item = node.parent?.type === 'property' ? node.parent : node;
  const siblings = item.parent?.children ?? [];
  const index = siblings.indexOf(item);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) return policy.range({ offset: item.offset, length: next.offset - item.offset });
  if (previous) {
    const end = previous.offset + previous.length;
    return policy.range({ offset: end, length: item.offset + item.length - end });
  }
  return policy.range(item);
}

export function removeItem(policy: Policy, node: Node, title: string): Fix {
  return { title, edits: [{ ...removal(policy, node), newText: '' }] };
}

export function removeProperty(policy: Policy, key: Node, title: string): Fix {
  return { title, edits: [{ ...removal(policy, key), newText: '' }] };
}

/** Removes a condition key; its operator too when it was the operator's only key, and Condition when that was its only operator. */
export function removeConditionKey(policy: Policy, key: Node, title: string): Fix {
  let node = key;
  for (;;) {
    const block = node.parent?.parent;
    if (block?.type !== 'object' || (block.children?.length ?? 0) > 1) break;
    const owner = block.parent;
    if (owner?.type !== 'property' || !owner.children?.[0]) break;
    node = owner.children[0];
    // Stop at the statement: Condition is the last thing to go.
    if (node.value === 'Condition') break;
  }
  return removeProperty(policy, node, title);
}
