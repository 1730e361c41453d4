import type { TextRange } from '../../language/finding';
import type { Trigger } from '../model/triggers';

/** What a viewer gets when CloudFront rejects a function's result, as the docs and access logs name it. */
export type ViewerError =
  | { readonly status: 502; readonly errorType: 'LambdaValidationError' }
  | { readonly status: 503; readonly errorType: 'LambdaExecutionError' | 'LambdaLimitExceeded' };

/** What a broken rule leads to. */
export type Consequence =
  /** CloudFront answers the viewer with an error instead of the content. */
  | ({ readonly kind: 'viewer-error' } & ViewerError)
  /** CloudFront refuses to associate the function with the distribution. */
  | { readonly kind: 'deploy-error'; readonly code: 'InvalidLambdaFunctionAssociation' }
  /** CloudFront goes on, but without this part of the result (ignored, or truncated). */
  | { readonly kind: 'ignored' | 'truncated' };

export const validationError: Consequence = { kind: 'viewer-error', status: 502, errorType: 'LambdaValidationError' };
export const executionError: Consequence = { kind: 'viewer-error', status: 503, errorType: 'LambdaExecutionError' };
export const limitExceeded: Consequence = { kind: 'viewer-error', status: 503, errorType: 'LambdaLimitExceeded' };
export const associationError: Consequence = { kind: 'deploy-error', code: 'InvalidLambdaFunctionAssociation' };
export const ignored: Consequence = { kind: 'ignored' };
export const truncated: Consequence = { kind: 'truncated' };

/** One rule a function's result (or its run) breaks, located in the result. */
export interface Violation {
  /** Stable id, `result.<name>`. */
  readonly rule: string;
  readonly message: string;
  readonly consequence: Consequence;
  /** Where in the result: a JSON path, and the range in the result's text. Empty path: the result as a whole. */
  readonly path: ReadonlyArray<string | number>;
  readonly range: TextRange;
  readonly docs: string;
}

/** What CloudFront does with a result that breaks no rule. */
export type Outcome =
  /** A request trigger returned the request: CloudFront goes on to the cache or origin with it. */
  | 'forward-request'
  /** A request trigger returned a response: CloudFront sends it to the viewer (and caches it, from origin-request). */
  | 'generated-response'
  /** A response trigger returned the response: CloudFront caches it (origin-response) and sends it on. */
  | 'return-response';

/** The verdict on one result: what CloudFront would do, and every rule it breaks. */
export interface ResultVerdict {
  readonly trigger: Trigger;
  /** What the result is meant to be; undefined when it is not even an object. */
  readonly outcome: Outcome | undefined;
  readonly violations: readonly Violation[];
  /** The error the viewer gets: that of the first violation that fails the request, if any. */
  readonly viewerError: ViewerError | undefined;
  /** Rules that could not be checked, and why (e.g. read-only headers without the input event). */
  readonly unchecked: readonly string[];
}

/** The viewer error, if any, that a list of violations leads to. */
export function viewerErrorOf(violations: ReadonlyArray<{ readonly consequence: Consequence }>): ViewerError | undefined {
  for (const { consequence } of violations) {
    if (consequence.kind === 'viewer-error') return { status: consequence.status, errorType: consequence.errorType } as ViewerError;
  }
  return undefined;
}

/** "502 LambdaValidationError", "deploy: InvalidLambdaFunctionAssociation", "ignored": how reports name a consequence. */
export function describeConsequence(consequence: Consequence): string {
  switch (consequence.kind) {
    case 'viewer-error':
      return `${consequence.status} ${consequence.errorType}`;
    case 'deploy-error':
      return `deploy fails: ${consequence.code}`;
    default:
      return consequence.kind;
  }
}
