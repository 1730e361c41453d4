import assert from 'node:assert/strict';
import { join } from 'node:path';
import { handlersRoot, isAlive, parsed, repoRoot, waitFor, withFunction } from './harness';

describe('runtime: lifecycle (real processes)', function () {
  this.timeout(20_000);

  it('gives the handler the event, the context and the environment Lambda gives it', () =>
    withFunction('cjs.handler', { memoryMB: 256, timeoutSeconds: 5, environment: { GREETING: 'hi' }, functionName: 'orders' }, async (h) => {
      const result = await h.invoke({ name: 'Ada' });
      assert.equal(result.status, 'success');
      const { event, context, env } = parsed(result) as { event: unknown; context: Record<string, unknown>; env: Record<string, unknown> };
      assert.deepEqual(event, { name: 'Ada' });
      assert.equal(context['awsRequestId'], result.requestId);
      assert.equal(context['functionName'], 'orders');
      assert.equal(context['functionVersion'], '$LATEST');
      assert.equal(context['invokedFunctionArn'], 'arn:aws:lambda:us-east-1:123456789012:function:orders');
      assert.equal(context['memoryLimitInMB'], '256', 'a string, as the Node.js runtime gives it');
      assert.equal(context['logGroupName'], '/aws/lambda/orders');
      assert.match(String(context['logStreamName']), /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
      const remaining = Number(context['remainingTimeInMillis']);
      assert.ok(remaining > 4000 && remaining <= 5000, `remaining time ${remaining}`);
      assert.equal(context['callbackWaitsForEmptyEventLoop'], true);
      assert.equal(env['handler'], 'cjs.handler');
      assert.equal(env['taskRoot'], handlersRoot);
      assert.equal(env['cwd'], handlersRoot);
      assert.equal(env['tz'], ':UTC');
      assert.equal(env['greeting'], 'hi');
      assert.match(String(env['runtimeApi']), /^127\.0\.0\.1:\d+$/);
      assert.match(String(env['traceId']), /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
      const heap = Number(env['heapLimitMB']);
      assert.ok(heap > 200 && heap < 320, `heap limit ${heap} MB follows the 256 MB memory size (old space 231 MB + young generation)`);
    }));

  it('frames the output with START, END and REPORT, with Init Duration on the cold start only', () =>
    withFunction('counter.handler', {}, async (h) => {
      const first = await h.invoke();
      const second = await h.invoke();
      assert.deepEqual([parsed(first)['invocations'], parsed(second)['invocations']], [1, 2], 'module state survives a warm invoke');
      assert.equal(parsed(first)['pid'], parsed(second)['pid']);
      assert.equal(h.pids.size, 1);
      assert.ok(first.initDurationMs !== undefined && second.initDurationMs === undefined);
      const lines = h.log.split('\n');
      assert.equal(lines.length, 7);
      assert.equal(lines[0], `START RequestId: ${first.requestId} Version: $LATEST`);
      assert.equal(lines[1], `END RequestId: ${first.requestId}`);
      assert.match(lines[2] ?? '', new RegExp(`^REPORT RequestId: ${first.requestId}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms\\t$`));
      assert.match(lines[5] ?? '', /^REPORT .*Max Memory Used: \d+ MB\t$/);
    }));

  it('keeps what the handler logs between START and END, in Lambda\'s log format', () =>
    withFunction('on-demand.handler', {}, async (h) => {
      for (let i = 0; i < 5; i++) await h.invoke({ do: 'sleep', ms: 1 });
      const blocks = h.log.split(/(?=START RequestId)/);
      assert.equal(blocks.length, 5);
      for (const block of blocks) {
        const id = /START RequestId: (\S+)/.exec(block)?.[1] ?? '';
        assert.match(block, new RegExp(`^START RequestId: ${id} Version: \\$LATEST\\n\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${id}\\tINFO\\tsleeping 1 ms\\nEND RequestId: ${id}\\nREPORT `));
      }
    }));

  it('leaves no trace of the invoke the runtime rehearses during Init: logs before the first invoke are Init\'s', () =>
    withFunction('index.handler', { root: join(repoRoot, 'test/fixtures/runtime/rehearsal'), reload: 'eager' }, async (h) => {
      assert.equal((await h.invoke()).status, 'success');
      // Eager reload starts an environment that runs Init and then waits for its first invoke.
      h.fn.codeChanged();
      await waitFor(() => h.log.includes('before the first invoke'), 5000, 'the fixture to log before its first invoke');
      assert.match(h.log, /\tundefined\tINFO\tbefore the first invoke, trace undefined\n/);
      assert.equal((await h.invoke()).status, 'success');
    }));

  it('starts further environments for concurrent invokes, up to the reserved concurrency', () =>
    withFunction('on-demand.handler', { reservedConcurrency: 2 }, async (h) => {
      const [a, b, c] = await Promise.all([h.invoke({ do: 'sleep', ms: 400 }), h.invoke({ do: 'sleep', ms: 400 }), h.invoke({ do: 'sleep', ms: 400 })]);
      const answers = [a, b, c].map((r) => r?.status).sort();
      assert.deepEqual(answers, ['rejected', 'success', 'success']);
      const throttled = [a, b, c].find((r) => r?.status === 'rejected');
      assert.equal(throttled?.httpStatus, 429);
      assert.deepEqual(JSON.parse(throttled?.payload ?? ''), { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' });
      const pids = [a, b, c].filter((r) => r?.status === 'success').map((r) => (r ? parsed(r)['pid'] : 0));
      assert.notEqual(pids[0], pids[1], 'two environments served the two invokes');
      const again = await h.invoke({ do: 'sleep', ms: 1 });
      assert.ok(pids.includes(parsed(again)['pid']), 'a warm environment is reused afterwards');
    }));

  it('shuts an idle environment down', () =>
    withFunction('counter.handler', { idleTimeoutMs: 150 }, async (h) => {
      const pid = Number(parsed(await h.invoke())['pid']);
      assert.ok(isAlive(pid));
      await waitFor(() => !isAlive(pid) && h.fn.environmentCount === 0, 5000, 'the idle environment to shut down');
      assert.equal(parsed(await h.invoke())['invocations'], 1, 'the next invoke starts cold');
    }));

  it('ends a timed-out invoke with Lambda\'s error and replaces the environment', () =>
    withFunction('on-demand.handler', { timeoutSeconds: 1 }, async (h) => {
      const started = Date.now();
      const result = await h.invoke({ do: 'spin' });
      assert.ok(Date.now() - started < 3000);
      assert.equal(result.timedOut, true);
      assert.deepEqual(parsed(result), { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds` });
      assert.match(h.log, new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${result.requestId} Task timed out after 1.00 seconds\\nEND RequestId: ${result.requestId}\\nREPORT RequestId: ${result.requestId}\\tDuration: 1000.00 ms\\tBilled Duration: 1000 ms\\t.*\\tStatus: timeout\\tError Type: Sandbox.Timedout\\t\\n`));
      const [spun] = [...h.pids];
      assert.ok(spun !== undefined && !isAlive(spun), 'the timed-out process is gone');
      const next = await h.invoke();
      assert.equal(next.status, 'success');
      assert.notEqual(parsed(next)['pid'], spun);
    }));

  it('replaces an environment whose process fails between invokes, without failing the next invoke', () =>
    withFunction('on-demand.handler', {}, async (h) => {
      const first = await h.invoke({ do: 'uncaughtLater' });
      assert.equal(first.status, 'success', first.payload);
      const pid = Number(parsed(first)['pid']);
      await waitFor(() => !isAlive(pid), 5000, 'the failed process to exit');
      assert.match(h.log, new RegExp(`\\t${first.requestId}\\tERROR\\tUncaught Exception \\t\\{"errorType":"Error","errorMessage":"thrown after the response"`));
      const next = await h.invoke();
      assert.equal(next.status, 'success', next.payload);
      assert.notEqual(parsed(next)['pid'], pid);
    }));

  it('passes Node options for a debugger', () =>
    withFunction('on-demand.handler', { execArgv: ['--no-warnings'] }, async (h) => {
      const { execArgv } = parsed(await h.invoke({ do: 'execArgv' })) as { execArgv: string[] };
      assert.ok(execArgv.includes('--no-warnings'));
      assert.ok(execArgv.includes('--max-old-space-size=116'));
    }));

  it('refuses a response larger than 6 MB as Lambda does', () =>
    withFunction('on-demand.handler', {}, async (h) => {
      const result = await h.invoke({ do: 'big', bytes: 7 * 1024 * 1024 });
      assert.equal(result.errorType, 'Function.ResponseSizeTooLarge');
      assert.equal(parsed(result)['errorMessage'], 'Response payload size exceeded maximum allowed payload size (6291556 bytes).');
      assert.equal((await h.invoke()).status, 'success');
    }));
});
