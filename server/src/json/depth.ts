import type { Node } from 'jsonc-parser';
import type { JsonDocument, SyntaxProblem } from './document';

/**
 * How deep arrays and objects may nest. No AWS document comes near it (IAM
 * policies are 6 levels deep, templates a few dozen), and recursive walkers,
 * jsonc-parser's own included, run out of stack at some ten thousand levels.
 */
export const nestingLimit = 512;

/**
 * The offset of the first `[` or `{` past the limit in JSON (with comments),
 * found by scanning the text once without recursion, or undefined.
 */
export function tooDeepOffset(text: string, limit = nestingLimit): number | undefined {
  // The closers still expected, innermost last: the parser skips a closer of the other kind, and so does the scan.
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) i = stringEnd(text, i);
    else if (c === slash && text.charCodeAt(i + 1) === slash) i = lineEnd(text, i);
    else if (c === slash && text.charCodeAt(i + 1) === star) i = blockCommentEnd(text, i);
    else if (c === openBracket || c === openBrace) {
      if (open.push(c === openBracket ? closeBracket : closeBrace) > limit) return i;
    } else if (c === open[open.length - 1]) open.pop();
  }
  return undefined;
}

/**
 * The first node (in document order) past the limit in any tree of nodes
 * with offsets (JSON's, or a YAML builder's), found without recursion: the
 * check for trees whose parser does not stop at the limit itself.
 */
export function tooDeepNode(root: Node | undefined, limit = nestingLimit): Node | undefined {
  if (!root) return undefined;
  // Two parallel stacks, nothing allocated per node: this runs on every analysis.
  const nodes: Node[] = [root];
  const depths: number[] = [0];
  let first: Node | undefined;
  while (nodes.length) {
    const node = nodes.pop() as Node;
    const depth = depths.pop() as number;
    // Containers count, as brackets do in the text: a property is a step inside its object, not a level.
    const inner = node.type === 'array' || node.type === 'object' ? depth + 1 : depth;
    if (inner > limit) {
      if (!first || node.offset < first.offset) first = node;
      continue;
    }
    const children = node.children;
    if (!children) continue;
    for (let i = 0; i < children.length; i++) {
      nodes.push(children[i] as Node);
      depths.push(inner);
    }
  }
  return first;
}

/**
 * The document without its tree when the tree nests past the limit: a
 * NestingTooDeep problem where it does, and no walker recursing into it. For
 * builders of other formats; parseJsonDocument stops at the limit itself
 * (walking every node again would cost a large policy a fifth of its parse).
 */
export function limitNesting(document: JsonDocument, limit = nestingLimit): JsonDocument {
  const node = tooDeepNode(document.root, limit);
  if (!node) return document;
  const problem: SyntaxProblem = { code: 'NestingTooDeep', offset: node.offset, length: 1 };
  return { ...document, root: undefined, syntaxProblems: [...document.syntaxProblems, problem].sort((a, b) => a.offset - b.offset) };
}

const quote = 0x22;
const slash = 0x2f;
const star = 0x2a;
const backslash = 0x5c;
const newline = 0x0a;
const carriageReturn = 0x0d;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;

/** The index of the closing quote of the string opening at `start` (or of the line end, where jsonc-parser stops an unterminated string). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === backslash) i++;
    else if (c === quote || c === newline || c === carriageReturn) return i;
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  for (let i = start + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === newline || c === carriageReturn) return i;
  }
  return text.length;
}

function blockCommentEnd(text: string, start: number): number {
  const end = text.indexOf('*/', start + 2);
  return end < 0 ? text.length : end + 1;
}
