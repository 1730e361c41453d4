import type { Node } from 'jsonc-parser';
import type { LineIndex } from './line-index';

/**
 * The format-neutral document model every engine reads: a node tree with
 * offsets into the text, in jsonc-parser's `Node` shape whatever the text's
 * format, so a check written once runs on JSON and YAML alike.
 */
export type DocumentFormat = 'json' | 'yaml';

/** A syntax problem the format's parser found. */
export interface SyntaxProblem {
  /** The parser's own name for it (jsonc-parser's `ParseErrorCode` names, the `yaml` package's error codes). */
  readonly code: string;
  /** What the parser said, where its code alone does not tell (YAML). */
  readonly message?: string;
  readonly offset: number;
  readonly length: number;
}

/** One parsed text: the tree with offsets, its syntax problems and a line index. */
export interface SourceDocument {
  readonly text: string;
  readonly format: DocumentFormat;
  /** Undefined only when the text holds no value at all. */
  readonly root: Node | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly lines: LineIndex;
}
