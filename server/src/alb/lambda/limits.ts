import type { HeaderLine } from '../routing/request';

/** AWS's page for everything in this folder. */
export const lambdaDocs = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html';

/** "The maximum size of the request body that you can send to a Lambda function is 1 MB." */
export const maxBodyBytes = 1024 * 1024;
/** "The maximum size of the response JSON that the Lambda function can send is 1 MB." */
export const maxResponseBytes = 1024 * 1024;

/**
 * Why the load balancer answered in place of the function, by the reason
 * code ALB writes in its access log (`error_reason`).
 */
export type FailureCode = 'LambdaInvalidResponse' | 'LambdaResponseTooLarge' | 'LambdaUnhandled' | 'LambdaThrottling' | 'LambdaRequestTooLarge';

export interface TargetFailure {
  readonly code: FailureCode;
  /** What exactly was wrong, e.g. `statusCode is the string "200", not a number`. */
  readonly message: string;
  readonly docs: string;
}

/** The HTTP response the client gets from a Lambda target, through the load balancer. */
export interface TargetResponse {
  readonly status: number;
  /** The reason phrase the function gave in `statusDescription`, when it gave one. */
  readonly reason: string | undefined;
  readonly headers: readonly HeaderLine[];
  /** The body as text, or '' when it is binary. */
  readonly body: string;
  /** The body's bytes, base64-encoded. */
  readonly bodyBase64: string;
  readonly bodyLength: number;
  /** True when the body is not text the preview can show. */
  readonly binary: boolean;
}

/** What the client gets, and why when it is the load balancer's error rather than the function's answer. */
export interface TargetAnswer {
  readonly response: TargetResponse;
  readonly failure: TargetFailure | undefined;
  /** What ALB did to the function's answer on the way: headers dropped, ignored or added. */
  readonly notes: readonly string[];
}

/** The page ALB itself answers with (`Server: awselb/2.0`), e.g. for a 502. */
export function errorPage(status: number, phrase: string): TargetResponse {
  const body = `<html>\r\n<head><title>${status} ${phrase}</title></head>\r\n<body>\r\n<center><h1>${status} ${phrase}</h1></center>\r\n</body>\r\n</html>\r\n`;
  const bytes = Buffer.from(body, 'utf8');
  return {
    status,
    reason: phrase,
    headers: [
      { name: 'Server', value: 'awselb/2.0' },
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Content-Length', value: String(bytes.length) },
    ],
    body,
    bodyBase64: bytes.toString('base64'),
    bodyLength: bytes.length,
    binary: false,
  };
}

/** The load balancer's 502, with the reason. */
export function badGateway(code: FailureCode, message: string): TargetAnswer {
  return { response: errorPage(502, 'Bad Gateway'), failure: { code, message, docs: lambdaDocs }, notes: [] };
}
