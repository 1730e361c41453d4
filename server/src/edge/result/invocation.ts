import { edgeDocs } from '../model/docs';
import { limitsOf, type Trigger } from '../model/triggers';
import { associationError, executionError, limitExceeded, type Consequence } from './verdict';

/** What is known about the function and one run of it (all optional: check what is there). */
export interface InvocationFacts {
  /** The configured timeout, in seconds. */
  readonly timeoutSeconds?: number;
  /** The configured memory size, in MB. */
  readonly memoryMB?: number;
  /** The environment variables configured for the function (not the ones Lambda sets). */
  readonly environment?: Readonly<Record<string, string>>;
  readonly durationMs?: number;
  readonly maxMemoryUsedMB?: number;
  readonly timedOut?: boolean;
  /** The function's error, as Lambda returns it. */
  readonly error?: { readonly errorType: string; readonly errorMessage: string };
}

/** A limit of Lambda@Edge the function or its run breaks; about the run, so not located in the result. */
export interface InvocationViolation {
  readonly rule: string;
  readonly message: string;
  readonly consequence: Consequence;
  readonly docs: string;
}

/**
 * The runtime limits Lambda@Edge imposes by trigger: timeout and memory
 * (viewer triggers 5 s and 128 MB), no environment variables, and how
 * CloudFront answers when the function fails or runs out of time.
 */
export function checkInvocation(trigger: Trigger, facts: InvocationFacts): InvocationViolation[] {
  const limits = limitsOf(trigger);
  const out: InvocationViolation[] = [];
  const add = (rule: string, message: string, consequence: Consequence, docs: string) => out.push({ rule, message, consequence, docs });
  if (facts.timeoutSeconds !== undefined && facts.timeoutSeconds > limits.timeoutSeconds) {
    add('run.timeout-setting', `The function's timeout is ${facts.timeoutSeconds} s; ${trigger} functions may have at most ${limits.timeoutSeconds} s, so CloudFront refuses the association.`, associationError, edgeDocs.quotas);
  }
  if (facts.memoryMB !== undefined && limits.memoryMB !== undefined && facts.memoryMB > limits.memoryMB) {
    add('run.memory-setting', `The function has ${facts.memoryMB} MB of memory; ${trigger} functions may have at most ${limits.memoryMB} MB, so CloudFront refuses the association.`, associationError, edgeDocs.quotas);
  }
  const variables = Object.keys(facts.environment ?? {});
  if (variables.length) {
    add('run.environment', `Lambda@Edge functions cannot have environment variables (${variables.join(', ')}): CloudFront refuses the association, and code reading them gets undefined at the edge.`, associationError, edgeDocs.lambdaFeatures);
  }
  if (facts.timedOut || (facts.durationMs !== undefined && facts.durationMs > limits.timeoutSeconds * 1000)) {
    const took = facts.durationMs === undefined ? '' : ` (it ran ${(facts.durationMs / 1000).toFixed(2)} s)`;
    add('run.timeout', `The function ran out of time${took}; ${trigger} functions have at most ${limits.timeoutSeconds} s, and CloudFront answers 503.`, limitExceeded, edgeDocs.limitExceeded);
  } else if (facts.error) {
    add('run.function-error', `The function failed (${facts.error.errorType}: ${facts.error.errorMessage}); CloudFront answers 503.`, executionError, edgeDocs.executionErrors);
  }
  if (facts.maxMemoryUsedMB !== undefined && limits.memoryMB !== undefined && facts.maxMemoryUsedMB > limits.memoryMB) {
    add('run.memory', `The run used ${facts.maxMemoryUsedMB} MB; ${trigger} functions have ${limits.memoryMB} MB and fail beyond it (503).`, executionError, edgeDocs.quotas);
  }
  return out;
}
