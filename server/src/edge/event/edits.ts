import { modify, type JSONPath, type Node } from 'jsonc-parser';
import type { SourceDocument } from '../../document/model';
import type { Fix, TextEdit, TextRange } from '../../language/finding';

/** The text a node covers, as a finding's range. */
export function rangeOf(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}

/** A fix replacing a node's text (a value, or a key with its quotes). */
export function replaceFix(title: string, node: Node, newText: string, preferred = true): Fix {
  return { title, edits: [{ offset: node.offset, length: node.length, newText }], preferred };
}

/** A fix turning a number or boolean into the string CloudFront sends; none for other values. */
export function toStringFix(node: Node): Fix | undefined {
  if (node.type !== 'number' && node.type !== 'boolean') return undefined;
  return replaceFix(`Turn ${node.type === 'number' ? 'the number' : 'the boolean'} into a string`, node, JSON.stringify(String(node.value)));
}

/**
 * Removes a property (key and value) with the comma that joins it to a
 * sibling, leaving the rest of the text as it was.
 */
export function removePropertyEdit(property: Node): TextEdit {
  const siblings = property.parent?.children ?? [];
  const index = siblings.indexOf(property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) return { offset: property.offset, length: next.offset - property.offset, newText: '' };
  if (previous) {
    const start = previous.offset + previous.length;
    return { offset: start, length: property.offset + property.length - start, newText: '' };
  }
  return { offset: property.offset, length: property.length, newText: '' };
}

/**
 * Edits that set `path` to `value` in the document, formatted like the
 * document around it; `first` inserts a new property before its siblings.
 */
export function setValueEdits(document: SourceDocument, path: JSONPath, value: unknown, first = false): TextEdit[] {
  const edits = modify(document.text, path, value, {
    formattingOptions: formattingOf(document.text),
    ...(first ? { getInsertionIndex: () => 0 } : {}),
  });
  return edits.map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
}

/** The indentation and line ending the text already uses, so inserted JSON fits in. */
function formattingOf(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 4, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
