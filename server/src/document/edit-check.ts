import type { TextEdit } from './text-range';
import type { SourceDocument } from './model';
import { parseSourceDocument } from './parse';

/** The text with the edits applied (they must not overlap, as LSP requires). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}

/**
 * Whether the edits leave the document as parseable as it was: a quick fix
 * written for JSON that would break a YAML text's structure is better not
 * offered than offered broken. Costs one parse, so it runs when fixes are
 * asked for, not on every analysis.
 */
export function keepsSyntax(document: SourceDocument, edits: readonly TextEdit[]): boolean {
  if (document.format === 'json') return true;
  const after = parseSourceDocument(applyEdits(document.text, edits), document.format);
  return after.syntaxProblems.length <= document.syntaxProblems.length;
}
