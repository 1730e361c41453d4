import type { JSONPath, Node } from 'jsonc-parser';
import type { RegionCheck, RegionContext } from './check';
import type { Detector, RegionKind } from './classify';
import type { CompletionProposal, Fix, HoverResult, TextRange } from './finding';

/** Where the cursor is, inside a region of the domain being asked. */
export interface CursorContext extends RegionContext {
  readonly offset: number;
  /** The innermost node at the offset, if any, and its path from the document root. */
  readonly node: Node | undefined;
  readonly path: JSONPath;
}

/** A selection inside a region of the domain being asked (for refactorings that no finding carries). */
export interface SelectionContext extends RegionContext {
  readonly range: TextRange;
}

/**
 * What a domain (iam, edge, alb) plugs into the language service: its checks
 * and, optionally, hover, completion and refactorings. Everything is pure:
 * plain data in, plain data out.
 */
export interface LanguageDomain {
  /** The kind of region the domain finds, and answers hover, completion and refactorings in. */
  readonly kind: RegionKind;
  /** Finds the domain's documents in a parsed text. */
  readonly detect: Detector;
  /** Its checks; each runs on the regions of its scope (its own kind, or the core's `template`). */
  readonly checks: readonly RegionCheck[];
  readonly hover?: (context: CursorContext) => HoverResult | undefined;
  readonly complete?: (context: CursorContext) => readonly CompletionProposal[];
  readonly assists?: (context: SelectionContext) => readonly Fix[];
}
