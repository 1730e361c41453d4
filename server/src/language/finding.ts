import type { TextEdit, TextRange } from '../document/text-range';

// Ranges and edits belong to the document model; findings carry them, so the faces find them here too.
export type { TextEdit, TextRange };

/** Severities a check can have; users may also turn a check `off`. */
export type Severity = 'error' | 'warning' | 'info';

/** A quick fix: a titled set of edits that must be applied together. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants (VS Code's "preferred" quick fix). */
  readonly preferred?: boolean;
}

/** One problem in a document, as every face (server, client, CLI) reports it. */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** Why this is a problem; absent only for engine failures. */
  readonly docs?: string;
  readonly fixes?: readonly Fix[];
}

/** Markdown shown on hover, and the range it describes. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: TextRange;
}

export type CompletionKind = 'value' | 'property' | 'keyword' | 'function' | 'module' | 'constant' | 'snippet';

/** A completion proposal; `edit` replaces the typed text (including quotes when it inserts a JSON string). */
export interface CompletionProposal {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly edit: TextEdit;
  /** Sort key; proposals without one sort by label. */
  readonly sortText?: string;
  readonly filterText?: string;
  /** `edit.newText` is a snippet: `$0` marks where the cursor lands (e.g. inside the quotes after `"s3:`). */
  readonly snippet?: boolean;
}
