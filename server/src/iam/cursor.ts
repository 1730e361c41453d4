import { findNodeAtOffset, getLocation, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import type { RegionContext } from '../language/check';
import { policyOf, type Policy } from './policy';

/** Where the cursor is inside a policy: the node under it and its path from the policy's root. */
export interface PolicyCursor {
  readonly policy: Policy;
  /** The cursor as an offset of `policy.text`. */
  readonly offset: number;
  readonly node: Node | undefined;
  /** Path from the policy root, e.g. ['Statement', 0, 'Action', 2]. */
  readonly path: JSONPath;
  /** True when the cursor is on (or where one would go) a property name rather than a value. */
  readonly atKey: boolean;
}

export function policyCursor(context: RegionContext, documentOffset: number): PolicyCursor | undefined {
  const policy = policyOf(context);
  if (!policy) return undefined;
  const offset = policy.toPolicyOffset(documentOffset);
  const node = findNodeAtOffset(policy.root, offset, true);
  // JSON is scanned, so a half-typed key still has a path; YAML's tree already tells where the cursor is.
  const location = context.document.format === 'yaml' && !policy.inner ? treeLocation(node) : getLocation(policy.text, offset);
  // For a plain policy the text is the whole document: drop the path down to the policy itself.
  const prefix = policy.inner ? 0 : context.region.path.length;
  const path = location.path.slice(prefix);
  return { policy, offset, node, path, atKey: location.isAtPropertyKey };
}

/** The path of the node under the cursor, and whether it is a key. */
function treeLocation(node: Node | undefined): { path: JSONPath; isAtPropertyKey: boolean } {
  if (!node) return { path: [], isAtPropertyKey: false };
  const isAtPropertyKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
  return { path: getNodePath(node), isAtPropertyKey };
}

/** The path with array indices removed: ['Statement', 'Action'] for ['Statement', 0, 'Action', 2]. */
export function namesOf(path: JSONPath): string[] {
  return path.filter((p): p is string => typeof p === 'string');
}
