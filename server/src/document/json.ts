import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from './line-index';
import type { SourceDocument } from './model';

/**
 * Parses leniently so that a document with a typo still yields a tree the
 * domain checks can use; every deviation from strict JSON is recorded.
 */
export function parseJsonDocument(text: string): SourceDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  return {
    text,
    format: 'json',
    root,
    syntaxProblems: errors.map((e) => {
      // jsonc-parser can report a range past the end (an unterminated comment at the end of the text).
      const offset = Math.min(e.offset, text.length);
      return { code: printParseErrorCode(e.error), offset, length: Math.min(e.length, text.length - offset) };
    }),
    lines: new LineIndex(text),
  };
}
