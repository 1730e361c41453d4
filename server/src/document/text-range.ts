/** A span of the document text, in UTF-16 offsets. */
export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** Replace `length` characters at `offset` with `newText`. */
export interface TextEdit extends TextRange {
  readonly newText: string;
}
