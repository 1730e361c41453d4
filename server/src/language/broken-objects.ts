import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { SourceDocument } from '../document/model';
import type { TextRange } from './finding';
import { trailingCommaBefore } from './checks/json-syntax';

/**
 * The arrays and objects a syntax error is in, while the user is typing:
 * the parser's recovery leaves them with missing or misread members, so a
 * domain's findings inside them ("Add a Resource element" while Resource is
 * there) would be false. They are skipped until the text parses again, as
 * json-languageservice does; the syntax error itself is still reported.
 */
export function brokenObjects(document: SourceDocument): readonly TextRange[] {
  const root = document.root;
  if (!root) return [];
  const out: TextRange[] = [];
  for (const problem of document.syntaxProblems) {
    // Comments and trailing commas leave the tree whole; so do YAML's unknown tags, a second document and a spent alias budget.
    if (treeStaysWhole.has(problem.code) || trailingCommaBefore(document.text, problem) !== undefined) continue;
    const container = containerAt(root, problem.offset);
    out.push({ offset: container.offset, length: container.length });
  }
  return out;
}

const treeStaysWhole: ReadonlySet<string> = new Set(['InvalidCommentToken', 'TAG_RESOLVE_FAILED', 'MULTIPLE_DOCUMENTS', 'ALIAS_BUDGET']);

/** True when the range starts inside one of the broken objects. */
export function inBrokenObject(broken: readonly TextRange[], range: TextRange): boolean {
  return broken.some((b) => range.offset >= b.offset && range.offset <= b.offset + b.length);
}

/** The innermost array or object holding the offset (the root when nothing inside does). */
function containerAt(root: Node, offset: number): Node {
  let node: Node | undefined = findNodeAtOffset(root, offset, true) ?? root;
  while (node && node.type !== 'object' && node.type !== 'array') node = node.parent;
  return node ?? root;
}
