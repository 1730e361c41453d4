import assert from 'node:assert/strict';
import { checkInvocation, type InvocationFacts } from '../../../server/src/edge/result/invocation';
import { describeConsequence } from '../../../server/src/edge/result/verdict';
import type { Trigger } from '../../../server/src/edge/model/triggers';

const table: ReadonlyArray<{ name: string; trigger: Trigger; facts: InvocationFacts; expected: ReadonlyArray<readonly [string, string]> }> = [
  { name: 'a quick run within the limits', trigger: 'viewer-request', facts: { timeoutSeconds: 5, memoryMB: 128, durationMs: 12, maxMemoryUsedMB: 60, environment: {} }, expected: [] },
  { name: 'origin triggers may run 30 s with more memory', trigger: 'origin-request', facts: { timeoutSeconds: 30, memoryMB: 1024, durationMs: 25_000, maxMemoryUsedMB: 600 }, expected: [] },
  { name: 'viewer settings over the quota', trigger: 'viewer-response', facts: { timeoutSeconds: 10, memoryMB: 256 }, expected: [['run.timeout-setting', 'deploy fails: InvalidLambdaFunctionAssociation'], ['run.memory-setting', 'deploy fails: InvalidLambdaFunctionAssociation']] },
  { name: 'environment variables', trigger: 'origin-request', facts: { environment: { TABLE: 'users' } }, expected: [['run.environment', 'deploy fails: InvalidLambdaFunctionAssociation']] },
  { name: 'a run over 5 s in a viewer trigger', trigger: 'viewer-request', facts: { durationMs: 5200 }, expected: [['run.timeout', '503 LambdaLimitExceeded']] },
  { name: 'a timeout wins over the error it causes', trigger: 'origin-response', facts: { timedOut: true, error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 30.00 seconds' } }, expected: [['run.timeout', '503 LambdaLimitExceeded']] },
  { name: 'a thrown error', trigger: 'viewer-request', facts: { error: { errorType: 'TypeError', errorMessage: "Cannot read properties of undefined (reading 'headers')" } }, expected: [['run.function-error', '503 LambdaExecutionError']] },
  { name: 'over 128 MB used in a viewer trigger', trigger: 'viewer-request', facts: { maxMemoryUsedMB: 140 }, expected: [['run.memory', '503 LambdaExecutionError']] },
];

describe('edge runtime limits', () => {
  for (const { name, trigger, facts, expected } of table) {
    it(name, () => assert.deepEqual(checkInvocation(trigger, facts).map((v) => [v.rule, describeConsequence(v.consequence)]), expected));
  }

  it('names the error as Lambda reported it', () => {
    const [violation] = checkInvocation('viewer-request', { error: { errorType: 'Error', errorMessage: 'boom' } });
    assert.equal(violation?.message, 'The function failed (Error: boom); CloudFront answers 503.');
  });
});
