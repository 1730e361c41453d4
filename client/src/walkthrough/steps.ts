/**
 * The walkthrough's steps: which example each opens (relative to examples/)
 * and which command it then runs. Pure data, so a unit test can hold
 * package.json's contributes.walkthroughs and examples/ to it.
 */
export type StepId = 'check-policy' | 'invoke-handler' | 'simulate-alb' | 'debug-handler' | 'simulate-cloudfront' | 'simulate-iam';

export interface WalkthroughStep {
  readonly id: StepId;
  /** The file the step opens, relative to examples/. */
  readonly example: string;
  /** What the step runs on it. */
  readonly run:
    | { readonly kind: 'problems' }
    | { readonly kind: 'handler'; readonly command: 'lambdaWorkbench.invokeHandler' | 'lambdaWorkbench.debugHandler'; readonly exportName: string; readonly event: string; readonly breakpointLine?: number }
    | { readonly kind: 'alb'; readonly request: string }
    | { readonly kind: 'cloudfront'; readonly config: string }
    | { readonly kind: 'iam'; readonly request: string };
}

export const walkthroughSteps: readonly WalkthroughStep[] = [
  { id: 'check-policy', example: 'iam/typos.json', run: { kind: 'problems' } },
  { id: 'invoke-handler', example: 'handlers/hello.js', run: { kind: 'handler', command: 'lambdaWorkbench.invokeHandler', exportName: 'handler', event: 'handlers/events/hello.json' } },
  { id: 'simulate-alb', example: 'alb/describe-rules.json', run: { kind: 'alb', request: 'GET https://example.com/img/1.png' } },
  // The breakpoint goes on the handler's one line (1-based), so the debugger stops there.
  { id: 'debug-handler', example: 'handlers/hello.js', run: { kind: 'handler', command: 'lambdaWorkbench.debugHandler', exportName: 'handler', event: 'handlers/events/hello.json', breakpointLine: 2 } },
  { id: 'simulate-cloudfront', example: 'edge/events/viewer-request-docs.json', run: { kind: 'cloudfront', config: 'edge/lambda-workbench.json' } },
  {
    id: 'simulate-iam',
    example: 'iam/reports-reader.json',
    run: { kind: 'iam', request: 's3:GetObject arn:aws:s3:::example-reports/alice/q3.csv --principal arn:aws:iam::111122223333:user/alice aws:SourceIp=192.0.2.7' },
  },
];

/** The step a walkthrough link names, or undefined for anything else. */
export function walkthroughStep(id: unknown): WalkthroughStep | undefined {
  return walkthroughSteps.find((step) => step.id === id);
}
