/**
 * What the client and the server say to each other beyond standard LSP.
 * Imported by both sides, so it holds only types and constants.
 */

/** Sent by the client in `initialize.initializationOptions`. */
export interface InitializationOptions {
  /**
   * The editor already reports JSON syntax errors (VS Code's built-in JSON
   * language service does), so the server must not repeat them.
   */
  readonly editorReportsJsonSyntax?: boolean;
}

/** The section of `workspace/configuration` the server reads, per document. */
export const configurationSection = 'lambdaWorkbench.checks';

/** `source` of every diagnostic the server publishes. */
export const diagnosticSource = 'lambda-workbench';

/** Client → server: what the language core recognised in an open document. */
export const documentKindsRequest = 'lambdaWorkbench/documentKinds';

export interface DocumentKindsParams {
  readonly uri: string;
}

/** Server → client answer to `documentKindsRequest`: one entry per document found, in document order. */
export interface DocumentKindsResult {
  readonly regions: ReadonlyArray<{ readonly kind: 'iam-policy' | 'edge-event' | 'alb-config'; readonly shape: string }>;
}
