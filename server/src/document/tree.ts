import { findNodeAtOffset, getNodePath, type JSONPath, type Node } from 'jsonc-parser';

/** The value node of `key` in an object node, or undefined (also for non-objects). Last one wins, as in JSON.parse. */
export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  const prop = propertyNode(node, key);
  return prop?.children?.[1];
}

/** The property node (key and value) named `key` in an object node; the last one when the key repeats. */
export function propertyNode(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  let found: Node | undefined;
  for (const prop of node.children) {
    if (prop.children?.[0]?.value === key) found = prop;
  }
  return found;
}

/** The [key, value] pairs of an object node, in document order. Keys missing their value are skipped. */
export function properties(node: Node | undefined): Array<{ key: Node; value: Node; name: string }> {
  if (node?.type !== 'object' || !node.children) return [];
  const out: Array<{ key: Node; value: Node; name: string }> = [];
  for (const prop of node.children) {
    const key = prop.children?.[0];
    const value = prop.children?.[1];
    if (key && value && typeof key.value === 'string') out.push({ key, value, name: key.value });
  }
  return out;
}

/** The elements of an array node; empty for anything else. */
export function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

/** A node's value if it is a JSON string. */
export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The innermost node at an offset and its path from the root. */
export function locate(root: Node | undefined, offset: number): { node: Node; path: JSONPath } | undefined {
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  return node ? { node, path: getNodePath(node) } : undefined;
}

/** True when the node is the key (not the value) of a property. */
export function isPropertyKey(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}
