import assert from 'node:assert/strict';
import { InvokeCommand, LambdaClient, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { RieEndpoint } from '../../server/src/runtime/rie-endpoint';
import { Harness, waitFor } from './harness';

// The local endpoint as AWS's own SDK for JavaScript (v3) calls Lambda's Invoke:
// `endpoint` pointed at it, the function named "function" as with the emulator.

describe('runtime: the local endpoint through the AWS SDK for JavaScript (real HTTP, real processes)', function () {
  this.timeout(20_000);
  let harness: Harness;
  let endpoint: RieEndpoint;
  let client: LambdaClient;

  const start = async (handler: string, options = {}) => {
    harness = new Harness(handler, options);
    endpoint = await RieEndpoint.start(harness.fn, 0);
    client = new LambdaClient({ endpoint: `http://127.0.0.1:${endpoint.port}`, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  };
  afterEach(async () => {
    client.destroy();
    await endpoint.close();
    await harness.close();
  });

  const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const decoded = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;

  it("runs Invoke's TenantId as the tenant", async () => {
    await start('tenant.handler');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({}), TenantId: 'blue' }));
    assert.equal(decoded(out.Payload)['tenantId'], 'blue');
  });

  it('answers Invoke with the payload, the version and the client context the SDK sends', async () => {
    await start('cjs.handler');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({ name: 'SDK' }), ClientContext: Buffer.from(JSON.stringify({ custom: { a: 1 } })).toString('base64') }));
    assert.deepEqual([out.StatusCode, out.FunctionError, out.ExecutedVersion], [200, undefined, '$LATEST']);
    const body = decoded(out.Payload) as { event: unknown; context: { clientContext: unknown } };
    assert.deepEqual(body.event, { name: 'SDK' });
    assert.deepEqual(body.context.clientContext, { custom: { a: 1 } });
  });

  it('returns the tail of the log with LogType Tail, as LogResult in base64', async () => {
    await start('cjs.handler');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({ name: 'tail' }), LogType: 'Tail' }));
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
    const id = String((decoded(out.Payload) as { context: { awsRequestId: string } }).context.awsRequestId);
    assert.match(log, new RegExp(`^START RequestId: ${id} Version: \\$LATEST\\n.*\\tINFO\\tevent received \\{"name":"tail"\\}\\nEND RequestId: ${id}\\nREPORT RequestId: ${id}\\t`));
  });

  it('marks a function error with FunctionError Unhandled and the error as payload', async () => {
    await start('errors.throws');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({}) }));
    assert.equal(out.FunctionError, 'Unhandled');
    assert.equal(decoded(out.Payload)['errorType'], 'ValidationError');
  });

  it('answers an asynchronous invoke (InvocationType Event) with 202 at once, and runs the function in the background', async () => {
    await start('slow.sleep');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({ ms: 500 }), InvocationType: 'Event' }));
    assert.equal(out.StatusCode, 202);
    const report = new RegExp(`REPORT RequestId: ${out.$metadata.requestId ?? ''}\t`);
    assert.equal(report.test(harness.log), false, 'answered before the function finished');
    await waitFor(() => report.test(harness.log), 10_000, 'the asynchronous invoke to run');
  });

  it('answers DryRun with 204 and runs nothing', async () => {
    await start('cjs.handler');
    const out = await client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({}), InvocationType: 'DryRun' }));
    assert.equal(out.StatusCode, 204);
    assert.equal(harness.log, '');
  });

  it('throws TooManyRequestsException when throttled', async () => {
    await start('slow.sleep', { reservedConcurrency: 1 });
    const busy = client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({ ms: 1500 }) }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await assert.rejects(client.send(new InvokeCommand({ FunctionName: 'function', Payload: payload({ ms: 1 }) })), (error: unknown) => error instanceof TooManyRequestsException && error.Reason === 'ReservedFunctionConcurrentInvocationLimitExceeded');
    assert.equal((await busy).StatusCode, 200);
  });
});
