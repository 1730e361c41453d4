/**
 * What the client and the server say to each other beyond standard LSP.
 * Imported by both sides, so it holds only types and constants.
 */
import type { RequestInput, RequestProblem, Simulation } from '../alb';
import type { RegionKind } from '../language/classify';

/** Sent by the client in `initialize.initializationOptions`. */
export interface InitializationOptions {
  /**
   * The editor already reports JSON syntax errors (VS Code's built-in JSON
   * language service does), so the server must not repeat them.
   */
  readonly editorReportsJsonSyntax?: boolean;
  /** An extension (Red Hat's YAML) already reports YAML syntax errors, so the server must not repeat them. */
  readonly editorReportsYamlSyntax?: boolean;
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
  readonly regions: ReadonlyArray<{ readonly kind: RegionKind; readonly shape: string }>;
}

/** Client → server: which of these JSON texts could be a handler's event (the event picker's filter). */
export const eventShapesRequest = 'lambdaWorkbench/eventShapes';

export interface EventShapesParams {
  readonly texts: readonly string[];
}

/** Server → client answer to `eventShapesRequest`: one flag per text, in order. */
export interface EventShapesResult {
  readonly eventShaped: readonly boolean[];
}

/**
 * Client → server: route an HTTP request through the ALB listener rules of an
 * open document, as currently typed (the "Simulate request through ALB" preview).
 */
export const albSimulateRequest = 'lambdaWorkbench/albSimulate';

export interface AlbSimulateParams {
  readonly uri: string;
  readonly request: RequestInput;
  /** The `lambdaWorkbench.alb` settings of the document (`hostHeaderPort`, `percentDecode`). */
  readonly options: unknown;
  /** Which listener of the document (0-based); the one fitting the request when absent. */
  readonly listener?: number;
}

/**
 * Server → client answer to `albSimulateRequest`. Ranges are offsets into the
 * document at `version`; the client turns them into positions with its copy
 * of that version. `requestProblem` says what is wrong with the request.
 */
export type AlbSimulateResult =
  | { readonly version: number; readonly simulation: Simulation }
  | { readonly version: number; readonly requestProblem: RequestProblem };
