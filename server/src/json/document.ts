import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from './line-index';

/** A syntax problem jsonc-parser found, with the parser's own error name. */
export interface SyntaxProblem {
  readonly code: ReturnType<typeof printParseErrorCode>;
  readonly offset: number;
  readonly length: number;
}

/** One parsed JSON text: the tree with offsets, its syntax problems and a line index. */
export interface JsonDocument {
  readonly text: string;
  /** Undefined only when the text holds no value at all. */
  readonly root: Node | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly lines: LineIndex;
}

/**
 * Parses leniently so that a document with a typo still yields a tree the
 * domain checks can use; every deviation from strict JSON is recorded.
 */
export function parseJsonDocument(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  return {
    text,
    root,
    syntaxProblems: errors.map((e) => {
      // jsonc-parser can report a range past the end (an unterminated comment at the end of the text).
      const offset = Math.min(e.offset, text.length);
      return { code: printParseErrorCode(e.error), offset, length: Math.min(e.length, text.length - offset) };
    }),
    lines: new LineIndex(text),
  };
}
