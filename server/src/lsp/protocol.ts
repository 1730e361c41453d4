/**
 * What the client and the server say to each other beyond standard LSP.
 * Imported by both sides, so it holds only types and constants.
 */
import type { RequestInput, RequestProblem, Simulation } from '../alb';
import type { Decision, ElementTrace, PolicyRole, RequestProposal, RequestWord } from '../iam';
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

/** Client → server: the IAM policy statements of an open document (the "Simulate request" lenses). */
export const iamStatementsRequest = 'lambdaWorkbench/iamStatements';

export interface IamStatementsParams {
  readonly uri: string;
}

/** Server → client answer to `iamStatementsRequest`: offsets into the document at `version`, in document order. */
export interface IamStatementsResult {
  readonly version: number;
  readonly statements: ReadonlyArray<{
    readonly offset: number;
    readonly length: number;
    readonly sid?: string;
    /** A request the statement is about, to start from: its first action without wildcards and its first resource. */
    readonly action?: string;
    readonly resource?: string;
  }>;
}

/** One policy file given to an IAM simulation, as the client holds it (unsaved edits included). */
export interface IamPolicyText {
  readonly uri: string;
  readonly text: string;
  readonly format: 'json' | 'yaml';
  /** The role its policies play; absent: each policy's own type (a bucket policy is a resource policy). */
  readonly role?: PolicyRole;
}

/**
 * Client → server: decide a request against IAM policies by AWS's evaluation
 * logic (the "Simulate IAM request" preview).
 */
export const iamSimulateRequest = 'lambdaWorkbench/iamSimulate';

export interface IamSimulateParams {
  readonly files: readonly IamPolicyText[];
  readonly request: { readonly action: string; readonly resource: string; readonly principal?: string; readonly context: ReadonlyArray<readonly [string, string]> };
}

/** A condition key as judged; `range` is the key's, in its file's text. */
export interface IamConditionView {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  readonly seen: readonly string[] | null;
  readonly matched: boolean;
  readonly reason: string;
  readonly range: { readonly offset: number; readonly length: number };
}

/** A statement as judged; `range` is the statement's, in its file's text. */
export interface IamStatementView {
  readonly range: { readonly offset: number; readonly length: number };
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny' | null;
  readonly applies: boolean;
  /** It is one of the statements that decided. */
  readonly deciding: boolean;
  readonly action: ElementTrace;
  readonly resource: ElementTrace;
  readonly principal: ElementTrace | null;
  readonly conditions: readonly IamConditionView[];
}

export interface IamPolicyView {
  readonly uri: string;
  readonly role: PolicyRole;
  readonly statements: readonly IamStatementView[];
}

/**
 * Server → client answer to `iamSimulateRequest`: the decision with every
 * policy's statements, or the files that hold no policy (`problems`).
 */
export type IamSimulateResult =
  | {
      readonly decision: Decision;
      readonly reasons: readonly string[];
      readonly crossAccount: boolean;
      readonly missingContextValues: readonly string[];
      /** What the request names that the IAM reference data does not know (a misspelt action or key), each a sentence. */
      readonly notes: readonly string[];
      readonly policies: readonly IamPolicyView[];
    }
  | { readonly problems: ReadonlyArray<{ readonly uri: string; readonly message: string }> };

/** Client → server: completions for a word of a simulated request (actions, context keys), from the IAM reference data. */
export const iamRequestCompletionRequest = 'lambdaWorkbench/iamRequestCompletion';

export interface IamRequestCompletionParams {
  readonly word: RequestWord;
  readonly typed: string;
  /** The request's action, for its service's context keys. */
  readonly action?: string;
}

export interface IamRequestCompletionResult {
  readonly proposals: readonly RequestProposal[];
}
