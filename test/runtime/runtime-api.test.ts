import assert from 'node:assert/strict';
import { join } from 'node:path';
import { functionConfig } from '../../server/src/runtime/config';
import { LocalFunction } from '../../server/src/runtime/local-function';
import { bootstrapScript, handlersRoot, repoRoot } from './harness';

/**
 * A runtime written against the Runtime API by hand (test/fixtures/runtime/raw-client.js)
 * probes the endpoints: headers of `next`, status codes and bodies of the posts.
 */
describe('runtime: Runtime API (real HTTP from a hand-written runtime)', function () {
  this.timeout(20_000);

  it('serves next, response, error and init/error with the documented headers, bodies and status codes', async () => {
    let log = '';
    const fn = new LocalFunction(
      {
        ...functionConfig({ root: handlersRoot, handler: 'raw.handler', bootstrapScript, functionName: 'probe', timeoutSeconds: 7 }),
        bootstrap: { script: join(repoRoot, 'test/fixtures/runtime/raw-client.js'), args: [], flushMarkers: false },
      },
      (text) => (log += text),
    );
    try {
      const first = await fn.invoke({ payload: '{"probe":1}', clientContext: '{"client":{"app":"x"}}', cognitoIdentity: '{"cognitoIdentityId":"id-1"}', traceId: 'Root=1-5e1b4151-5ac6c58f5b5dbd6a2b7c5c2a' });
      assert.equal(first.status, 'success', log);
      const probe = JSON.parse(first.payload) as Record<string, unknown>;
      const next = probe['next'] as { status: number; headers: Record<string, string>; body: string };
      assert.equal(next.status, 200);
      assert.equal(next.body, '{"probe":1}');
      assert.equal(next.headers['content-type'], 'application/json');
      assert.equal(next.headers['lambda-runtime-aws-request-id'], first.requestId);
      assert.equal(next.headers['lambda-runtime-invoked-function-arn'], 'arn:aws:lambda:us-east-1:123456789012:function:probe');
      assert.equal(next.headers['lambda-runtime-trace-id'], 'Root=1-5e1b4151-5ac6c58f5b5dbd6a2b7c5c2a');
      assert.equal(next.headers['lambda-runtime-client-context'], '{"client":{"app":"x"}}');
      assert.equal(next.headers['lambda-runtime-cognito-identity'], '{"cognitoIdentityId":"id-1"}');
      const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
      assert.ok(deadline > Date.now() && deadline <= Date.now() + 7000, `deadline ${deadline}`);
      assert.deepEqual(probe['wrongId'], { status: 400, body: { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' } });
      assert.deepEqual(probe['initErrorAfterInit'], { status: 403, body: { errorMessage: 'State transition from ready to init error failed for runtime.', errorType: 'InvalidStateTransition' } });
      assert.deepEqual(probe['unknownPath'], { status: 404, body: '404 page not found\n' });

      // The raw runtime answers its second invoke with an error post.
      const second = await fn.invoke({ payload: '{"fail":true}' });
      assert.equal(second.status, 'function-error');
      assert.equal(second.errorType, 'Custom.Failure');
      assert.deepEqual(JSON.parse(second.payload), { errorType: 'Custom.Failure', errorMessage: 'asked to fail', stackTrace: [] });

      // The response post itself was accepted: 202 {"status":"OK"}, reported back on the third invoke.
      const third = await fn.invoke({ payload: '{"report":true}' });
      assert.deepEqual(JSON.parse(third.payload), { responseAccepted: { status: 202, body: { status: 'OK' } }, errorAccepted: { status: 202, body: { status: 'OK' } } });
    } finally {
      await fn.shutdown();
    }
  });

  it('reports an init error posted to /init/error as the invoke\'s error', async () => {
    let log = '';
    const fn = new LocalFunction(
      {
        ...functionConfig({ root: handlersRoot, handler: 'raw.handler', bootstrapScript, environment: { RAW_INIT_ERROR: '1' } }),
        bootstrap: { script: join(repoRoot, 'test/fixtures/runtime/raw-client.js'), args: [], flushMarkers: false },
      },
      (text) => (log += text),
    );
    try {
      const result = await fn.invoke({ payload: '{}' });
      assert.equal(result.status, 'function-error');
      assert.equal(result.errorType, 'Runtime.Custom');
      assert.deepEqual(JSON.parse(result.payload), { errorType: 'Runtime.Custom', errorMessage: 'could not start' });
      assert.match(log, /INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: Runtime.Custom\n/);
    } finally {
      await fn.shutdown();
    }
  });
});
