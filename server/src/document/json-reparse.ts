import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { tooDeepOffset, nestingLimit } from './depth';
import { jsonDocumentOf } from './json';
import type { SourceDocument } from './model';

/** A document re-read from its previous version, and which of its nodes are not the previous version's. */
export interface Reparsed {
  readonly document: SourceDocument;
  /**
   * True for a node made for this version: the copied ancestors of the edit
   * and the re-read object or array. Every other node is the previous tree's,
   * moved in place.
   */
  readonly isNew: (node: Node) => boolean;
}

/**
 * The new version of a JSON document, made from the previous version's tree
 * instead of a full parse: the edit is found by comparing the texts, the
 * innermost array or object holding it (brackets unchanged) is parsed alone,
 * its ancestors are copied and the nodes after it moved. Costs one text
 * comparison, a parse of that object and a walk of the nodes after the
 * edit, instead of a parse of the whole text.
 *
 * The previous tree is taken apart (its nodes move to the new one): only a
 * caller that is done with the previous version may pass it. Undefined when
 * the edit cannot be confined (the previous version had syntax problems, the
 * edit touches the root's brackets, the edited object does not parse alone
 * cleanly, or it nests too deep): the caller parses the whole text.
 */
export function reparseJson(previous: SourceDocument, text: string): Reparsed | undefined {
  const root = previous.root;
  if (!root || !canReparseFrom(previous)) return undefined;
  const old = previous.text;
  const start = commonPrefix(old, text);
  if (start === old.length && start === text.length) return undefined;
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const end = old.length - suffix;
  const container = innermostContainer(root, start, end);
  if (!container?.parent) return undefined;
  const delta = text.length - old.length;
  const slice = text.slice(container.offset, container.offset + container.length + delta);
  const outerDepth = containersAbove(container);
  if (tooDeepOffset(slice, nestingLimit - outerDepth) !== undefined) return undefined;
  const errors: ParseError[] = [];
  const replacement = parseTree(slice, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  if (errors.length > 0 || !replacement || replacement.offset !== 0 || replacement.length !== slice.length) return undefined;
  moveBy(replacement, container.offset);
  takenApart.add(previous);
  const copies = new Set<Node>();
  const newRoot = replaceInAncestors(container, replacement, delta, copies);
  const from = replacement.offset;
  const to = replacement.offset + replacement.length;
  return {
    document: jsonDocumentOf(text, newRoot, []),
    isNew: (node) => copies.has(node) || (node.offset >= from && node.offset + node.length <= to),
  };
}

/** True when a newer version can be re-read from this one: JSON without syntax problems whose tree no newer version took. */
export function canReparseFrom(document: SourceDocument): boolean {
  return document.format === 'json' && document.root !== undefined && document.syntaxProblems.length === 0 && !takenApart.has(document);
}

/** Documents whose trees went into a newer version: their nodes are no longer where their text says. */
const takenApart = new WeakSet<SourceDocument>();

/** Chunks compared at once before the character that differs is looked for (flat strings compare as memory). */
const chunk = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + chunk <= max && a.slice(i, i + chunk) === b.slice(i, i + chunk)) i += chunk;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of two texts, at most `max` (so it never overlaps the common start). */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + chunk <= max && a.slice(a.length - n - chunk, a.length - n) === b.slice(b.length - n - chunk, b.length - n)) n += chunk;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The innermost array or object whose brackets lie outside [start, end) of the old text, so its inside alone changed. */
function innermostContainer(root: Node, start: number, end: number): Node | undefined {
  let found: Node | undefined;
  let node: Node | undefined = root;
  while (node) {
    if ((node.type === 'object' || node.type === 'array') && node.offset < start && end <= node.offset + node.length - 1) found = node;
    node = childHolding(node, start, end);
  }
  return found;
}

/** The child whose range holds [start, end), found by bisection (children are in text order). */
function childHolding(node: Node, start: number, end: number): Node | undefined {
  const children = node.children;
  if (!children) return undefined;
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const child = children[mid] as Node;
    if (child.offset + child.length < end) low = mid + 1;
    else if (child.offset > start) high = mid - 1;
    else return child;
  }
  return undefined;
}

function containersAbove(node: Node): number {
  let count = 0;
  for (let at = node.parent; at; at = at.parent) if (at.type === 'object' || at.type === 'array') count++;
  return count;
}

/**
 * Puts `replacement` where `container` was: each ancestor is copied with its
 * length changed by `delta` (so nothing cached about it is mistaken for the
 * new one), its children re-parented, and the nodes after the old end moved
 * by `delta` (everything after the container ends after the edit). Returns the new root.
 */
function replaceInAncestors(container: Node, replacement: Node, delta: number, copies: Set<Node>): Node {
  let child = container;
  let made = replacement;
  for (let parent = container.parent; parent; parent = parent.parent) {
    const children = (parent.children as Node[]).slice();
    const at = children.indexOf(child);
    children[at] = made;
    const copy: Node = { ...parent, length: parent.length + delta, children };
    copies.add(copy);
    for (let i = 0; i < children.length; i++) {
      const sibling = children[i] as Movable;
      sibling.parent = copy;
      if (i > at) moveBy(sibling, delta);
    }
    child = parent;
    made = copy;
  }
  return made;
}

/** jsonc-parser's nodes are read-only to its users; here they are this module's to move. */
interface Movable {
  offset: number;
  colonOffset?: number;
  parent?: Node;
  readonly children?: Movable[] | undefined;
}

/** Moves a subtree by `delta` characters, without recursion (a subtree may be deep). */
function moveBy(subtree: Movable, delta: number): void {
  const stack: Movable[] = [subtree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    node.offset += delta;
    if (node.colonOffset !== undefined) node.colonOffset += delta;
    if (node.children) for (const child of node.children) stack.push(child);
  }
}
