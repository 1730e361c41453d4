import type { Node } from 'jsonc-parser';
import type { TextRange } from './text-range';

/**
 * Where a finding about a whole object or array points: its `{` or `[`
 * (JSON, YAML flow style); in YAML block style, which has no bracket, the
 * `-` of the sequence item it is, else the key that holds it.
 */
export function openingRange(text: string, node: Node): TextRange {
  const first = text.charAt(node.offset);
  if (first === '{' || first === '[') return { offset: node.offset, length: 1 };
  let before = node.offset - 1;
  while (before >= 0 && (text.charAt(before) === ' ' || text.charAt(before) === '\t')) before--;
  if (text.charAt(before) === '-') return { offset: before, length: 1 };
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  if (key && key !== node) return { offset: key.offset, length: key.length };
  return { offset: node.offset, length: Math.min(1, node.length) };
}
