import { isTrigger, type Trigger } from '../model/triggers';
import { checkResultText } from './check-result';
import { checkInvocation, type InvocationFacts, type InvocationViolation } from './invocation';
import { viewerErrorOf, type ResultVerdict, type ViewerError } from './verdict';

/**
 * What a local invoke hands back, as far as CloudFront's judgement needs it.
 * The runtime's `InvokeResult` has these fields; this is the seam where the
 * edge rules plug in after an invoke.
 */
export interface InvokeOutcome {
  readonly status: 'success' | 'function-error' | 'rejected';
  /** The result's JSON, or the error's JSON (`{"errorType", "errorMessage"}`). */
  readonly payload: string;
  readonly errorType?: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly maxMemoryUsedMB?: number;
}

/** The function's configuration, as far as Lambda@Edge restricts it. */
export interface EdgeFunctionConfig {
  readonly timeoutSeconds?: number;
  readonly memoryMB?: number;
  readonly environment?: Readonly<Record<string, string>>;
}

/** CloudFront's judgement of one run: on the result (when there is one) and on the run itself. */
export interface EdgeRunVerdict {
  readonly result: ResultVerdict | undefined;
  readonly run: readonly InvocationViolation[];
  /** What the viewer gets when CloudFront does not go on: an error from the run first, else from the result. */
  readonly viewerError: ViewerError | undefined;
}

/** Judges an invoke of a Lambda@Edge function with `event` as CloudFront would: the run's limits, then the result. */
export function judgeInvoke(trigger: Trigger, event: unknown, outcome: InvokeOutcome, config: EdgeFunctionConfig = {}): EdgeRunVerdict {
  const facts: InvocationFacts = {
    ...config,
    durationMs: outcome.durationMs,
    timedOut: outcome.timedOut,
    ...(outcome.maxMemoryUsedMB !== undefined ? { maxMemoryUsedMB: outcome.maxMemoryUsedMB } : {}),
    ...(outcome.status === 'success' ? {} : { error: errorOf(outcome) }),
  };
  const run = checkInvocation(trigger, facts);
  // A run over the trigger's time never gets its result to CloudFront.
  const ranOut = run.some((v) => v.rule === 'run.timeout');
  const result = outcome.status === 'success' && !ranOut ? checkResultText(outcome.payload, { trigger, event }) : undefined;
  return { result, run, viewerError: viewerErrorOf(run) ?? result?.viewerError };
}

function errorOf(outcome: InvokeOutcome): { errorType: string; errorMessage: string } {
  try {
    const body = JSON.parse(outcome.payload) as { errorType?: unknown; errorMessage?: unknown };
    return { errorType: String(body.errorType ?? outcome.errorType ?? 'Error'), errorMessage: String(body.errorMessage ?? '') };
  } catch {
    return { errorType: outcome.errorType ?? 'Error', errorMessage: outcome.payload };
  }
}

/** The trigger of a Lambda@Edge event given as JSON text (`Records[0].cf.config.eventType`); undefined for any other event. */
export function edgeTriggerOf(eventText: string): Trigger | undefined {
  const eventType = cloudFrontRecordOf(eventText)?.config?.eventType;
  return isTrigger(eventType) ? eventType : undefined;
}

/** The `cf` object of an event's first record, when the text is a CloudFront event. */
function cloudFrontRecordOf(eventText: string): { config?: { eventType?: unknown } } | undefined {
  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch {
    return undefined;
  }
  const cf = (event as { Records?: Array<{ cf?: unknown }> } | null)?.Records?.[0]?.cf;
  return cf !== null && typeof cf === 'object' ? (cf as { config?: { eventType?: unknown } }) : undefined;
}

/**
 * Why a CloudFront event got no verdict: it names no trigger (`config` or its
 * `eventType` missing, as in SAM CLI's generated events, or not a trigger).
 * Undefined when the event is no CloudFront event at all, or has a trigger.
 */
export function whyNoVerdict(eventText: string): string | undefined {
  const cf = cloudFrontRecordOf(eventText);
  if (!cf) return undefined;
  const eventType = cf.config?.eventType;
  if (isTrigger(eventType)) return undefined;
  const what = cf.config === undefined ? 'the event has no config' : eventType === undefined ? 'the event\'s config has no eventType' : `the eventType ${JSON.stringify(eventType)} is not a trigger`;
  return `${what}, so the trigger, and with it CloudFront's rules, is unknown. Check the event (its quick fixes add what is missing) or generate one with lambda-workbench edge event TRIGGER.`;
}
