import { findNodeAtOffset, type Node } from 'jsonc-parser';
import { elements } from '../document/tree';
import type { SelectionContext } from '../language/domain';
import type { Fix } from '../language/finding';
import { iamData } from './data/iam-data';
import { policyOf, type Policy } from './policy';
import { hasWildcard } from './wildcard';

const listElements = ['Action', 'NotAction', 'Resource', 'NotResource'];
/** More than this many actions make a list nobody reads: the refactoring is not offered. */
const maxExpanded = 100;

/**
 * Refactorings on the selected element: a single string to an array and a
 * one-item array back to a string; a wildcard action spelt out as the actions it matches today.
 */
export function assists(context: SelectionContext): readonly Fix[] {
  const policy = policyOf(context);
  if (!policy) return [];
  const offset = policy.toPolicyOffset(context.range.offset);
  const at = findNodeAtOffset(policy.root, offset, true);
  let node = at;
  // Walk up to the value of an Action/Resource property of a statement.
  while (node && !(node.parent?.type === 'property' && node.parent.children?.[1] === node && listElements.includes(String(node.parent.children[0]?.value)))) node = node.parent;
  if (!node || !policy.statements.some((s) => s.node === node?.parent?.parent)) return [];
  const name = String(node.parent?.children?.[0]?.value);
  return [...shapeChange(policy, node, name), ...(name.endsWith('Action') && at?.type === 'string' ? expansion(policy, node, at) : [])];
}

function shapeChange(policy: Policy, node: Node, name: string): Fix[] {
  const range = policy.range(node);
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

/** Replaces `s3:Get*` with the actions it matches (in an array, the items take its place). */
function expansion(policy: Policy, list: Node, action: Node): Fix[] {
  const text = String(action.value);
  const colon = text.indexOf(':');
  if (colon <= 0 || !hasWildcard(text.slice(colon + 1))) return [];
  const matched = iamData().matchActions(text);
  if (matched.length === 0 || matched.length > maxExpanded) return [];
  const names = matched.map((a) => `${text.slice(0, colon)}:${a.name}`);
  const newText = list.type === 'array' ? names.map((n) => policy.literal(n)).join(', ') : policy.raw(JSON.stringify(names));
  return [{ title: `Expand "${text}" to its ${matched.length} action${matched.length === 1 ? '' : 's'}`, edits: [{ ...policy.range(action), newText }] }];
}
