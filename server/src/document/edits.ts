import type { Node } from 'jsonc-parser';
import type { TextEdit } from './text-range';
import type { SourceDocument } from './model';

/**
 * Edits that keep the document's own format and style: a flow collection
 * (JSON, or YAML's `[a, b]`) gets JSON-style text, a YAML block sequence a
 * new `- item` line at the indentation of its siblings.
 */
export function appendItemEdit(document: SourceDocument, array: Node, value: string): TextEdit {
  const items = array.children ?? [];
  const last = items.at(-1);
  const flow = document.format === 'json' || document.text.charAt(array.offset) === '[';
  if (flow) {
    const written = document.format === 'json' ? JSON.stringify(value) : yamlScalar(value);
    if (!last) return { offset: array.offset + 1, length: 0, newText: written };
    return { offset: last.offset + last.length, length: 0, newText: `, ${written}` };
  }
  const anchor = last ?? array;
  const lineStart = document.text.lastIndexOf('\n', anchor.offset - 1) + 1;
  const dash = document.text.slice(lineStart, anchor.offset).replace(/-\s*$/, '');
  const indent = /^[ ]*/.exec(dash)?.[0] ?? '';
  return { offset: anchor.offset + anchor.length, length: 0, newText: `\n${indent}- ${yamlScalar(value)}` };
}

/** A list of strings as a flow sequence in the document's format (JSON's array is YAML's flow sequence). */
export function flowList(document: SourceDocument, values: readonly string[]): string {
  return `[${values.map((v) => (document.format === 'json' ? JSON.stringify(v) : yamlScalar(v))).join(', ')}]`;
}

/** A string as a YAML scalar: plain where YAML would read it back unchanged, double-quoted (JSON) otherwise. */
export function yamlScalar(value: string): string {
  const plainSafe = /^[A-Za-z0-9_./$][A-Za-z0-9_./$:*?@=+ -]*$/.test(value) && !/: |\s$| #/.test(value) && !/^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d._eE+-]*)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

/**
 * Inserts `key: value` as the first property of an object, in the object's
 * style: `"key": value, ` after a flow mapping's `{` (JSON, YAML flow), or a
 * `key: value` line at the indentation of a YAML block mapping's keys.
 * `value` is JSON text (a JSON scalar is a YAML flow scalar too).
 */
export function insertFirstPropertyEdit(document: SourceDocument, object: { readonly offset: number; readonly length: number }, key: string, value: string): TextEdit {
  const { offset } = object;
  if (document.format === 'json' || document.text.charAt(offset) === '{') {
    const empty = /^\{\s*\}$/.test(document.text.slice(offset, offset + object.length));
    return { offset: offset + 1, length: 0, newText: `${JSON.stringify(key)}: ${value}${empty ? '' : ', '}` };
  }
  const lineStart = document.text.lastIndexOf('\n', offset - 1) + 1;
  const column = offset - lineStart;
  // A mapping that starts on a sequence item's line (`- Effect: Allow`) continues at the column of its first key.
  return { offset, length: 0, newText: `${yamlScalar(key)}: ${value}\n${' '.repeat(column)}` };
}

const jsonStringLiteral = /^"(?:[^"\\]|\\.)*"$/;

/**
 * An edit written for JSON, re-styled for the YAML text it lands in: a JSON
 * string that replaces a plain or single-quoted scalar (or is inserted where
 * none is) is written in that style, so a fix or completion keeps the
 * document's look. Other edits are returned as they are.
 */
export function restyleForYaml<E extends TextEdit>(text: string, edit: E): E {
  if (!jsonStringLiteral.test(edit.newText)) return edit;
  const replaced = text.slice(edit.offset, edit.offset + edit.length);
  if (replaced.startsWith('"')) return edit;
  const value = JSON.parse(edit.newText) as string;
  const newText = replaced.startsWith("'") ? `'${value.replace(/'/g, "''")}'` : yamlScalar(value);
  return { ...edit, newText };
}
