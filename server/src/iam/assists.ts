import { findNodeAtOffset } from 'jsonc-parser';
import { elements } from '../json/tree';
import type { SelectionContext } from '../language/domain';
import type { Fix } from '../language/finding';
import { policyOf } from './policy';

const listElements = ['Action', 'NotAction', 'Resource', 'NotResource'];

/** Refactorings on the selected element: a single string to an array, and a one-item array back to a string. */
export function assists(context: SelectionContext): readonly Fix[] {
  const policy = policyOf(context);
  if (!policy) return [];
  const offset = policy.toPolicyOffset(context.range.offset);
  let node = findNodeAtOffset(policy.root, offset, true);
  // Walk up to the value of an Action/Resource property of a statement.
  while (node && !(node.parent?.type === 'property' && node.parent.children?.[1] === node && listElements.includes(String(node.parent.children[0]?.value)))) node = node.parent;
  if (!node || !policy.statements.some((s) => s.node === node?.parent?.parent)) return [];
  const range = policy.range(node);
  const name = String(node.parent?.children?.[0]?.value);
  if (node.type === 'string') {
    return [{ title: `Make ${name} an array`, edits: [{ ...range, newText: policy.raw(`[${JSON.stringify(node.value)}]`) }] }];
  }
  const items = elements(node);
  const only = items[0];
  if (node.type === 'array' && items.length === 1 && only?.type === 'string') {
    return [{ title: `Make ${name} a single string`, edits: [{ ...range, newText: policy.literal(only.value) }] }];
  }
  return [];
}
