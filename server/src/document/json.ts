import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { tooDeepOffset } from './depth';
import { LineIndex } from './line-index';
import type { SourceDocument, SyntaxProblem } from './model';

/**
 * Parses leniently so that a document with a typo still yields a tree the
 * domain checks can use; every deviation from strict JSON is recorded.
 */
export function parseJsonDocument(text: string): SourceDocument {
  const errors: ParseError[] = [];
  // The parser recurses per level: past the limit, only the text before the too-deep bracket is parsed.
  const tooDeep = tooDeepOffset(text);
  const parsed = tooDeep === undefined ? text : text.slice(0, tooDeep);
  const root = parseTree(parsed, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  const problems: SyntaxProblem[] = errors.map((e) => {
    // jsonc-parser can report a range past the end (an unterminated comment at the end of the text).
    const offset = Math.min(e.offset, text.length);
    return { code: printParseErrorCode(e.error), offset, length: Math.min(e.length, text.length - offset) };
  });
  // The cut leaves brackets open: those complaints are the cut's, not the user's.
  const syntaxProblems = tooDeep === undefined ? problems : [...problems.filter((p) => p.offset < tooDeep), { code: 'NestingTooDeep' as const, offset: tooDeep, length: 1 }];
  return jsonDocumentOf(text, root, syntaxProblems);
}

/** The model of a JSON text whose tree and problems are known (parsed here, or re-read from a previous version: json-reparse.ts). */
export function jsonDocumentOf(text: string, root: Node | undefined, syntaxProblems: readonly SyntaxProblem[]): SourceDocument {
  let lines: LineIndex | undefined;
  // Made when a face first needs positions: an analysis thread never does.
  return {
    text,
    format: 'json',
    root,
    syntaxProblems,
    get lines() {
      return (lines ??= new LineIndex(text));
    },
  };
}
