import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { functionConfig } from '../../server/src/runtime/config';
import { LocalFunction, type InvokeResult } from '../../server/src/runtime/local-function';
import { bootstrapScript, handlersRoot, repoRoot, waitFor } from './harness';

/**
 * Conformance: AWS's own Node.js runtime interface client (npm aws-lambda-ric),
 * unmodified, serves invokes through our Runtime API; and our bootstrap
 * answers the same handlers with the same results and errors.
 */
describe('runtime: conformance with aws-lambda-ric (the official client)', function () {
  this.timeout(20_000);
  let ric = '';

  before(async function () {
    this.timeout(600_000);
    const setup = (await import(pathToFileURL(join(repoRoot, 'test/runtime/setup/install-aws-lambda-ric.mjs')).href)) as { install(): string };
    ric = setup.install();
  });

  /** Invokes `handler` twice (cold then warm) under a bootstrap; returns the results and the log. */
  /**
   * `logged`, when given, is waited for before the shutdown: the official client marks no end
   * of its output, so a line it writes as it answers may still be on its way.
   */
  async function invokeWith(which: 'ric' | 'ours', handler: string, events: readonly unknown[], environment: Record<string, string> = {}, logged?: (log: string) => boolean): Promise<{ results: InvokeResult[]; log: string }> {
    let log = '';
    const base = functionConfig({ root: handlersRoot, handler, bootstrapScript, environment, inheritedEnvironment: { PATH: process.env['PATH'] } });
    const config = which === 'ours' ? base : { ...base, bootstrap: { script: ric, args: [handler], flushMarkers: false } };
    const fn = new LocalFunction(config, (text) => (log += text));
    try {
      const results: InvokeResult[] = [];
      for (const event of events) results.push(await fn.invoke({ payload: JSON.stringify(event) }));
      if (logged) await waitFor(() => logged(log), 5000, `the ${which} bootstrap's log line`);
      return { results, log };
    } finally {
      await fn.shutdown();
    }
  }

  it('runs a handler unmodified against our Runtime API, warm on the second invoke', async () => {
    const { results, log } = await invokeWith('ric', 'counter.handler', [{}, {}]);
    assert.deepEqual(
      results.map((r) => [r.status, (JSON.parse(r.payload) as { invocations: number }).invocations]),
      [
        ['success', 1],
        ['success', 2],
      ],
    );
    assert.match(log, /REPORT RequestId: .*Init Duration/);
  });

  it('gives the handler the same context as our bootstrap does', async () => {
    const ours = await invokeWith('ours', 'cjs.handler', [{ name: 'Ada' }]);
    const theirs = await invokeWith('ric', 'cjs.handler', [{ name: 'Ada' }]);
    const shape = (r: InvokeResult | undefined) => {
      const body = JSON.parse(r?.payload ?? '{}') as { event: unknown; context: Record<string, unknown>; env: Record<string, unknown> };
      const { awsRequestId, logStreamName, remainingTimeInMillis, ...context } = body.context;
      assert.equal(awsRequestId, r?.requestId);
      assert.equal(typeof logStreamName, 'string');
      assert.equal(typeof remainingTimeInMillis, 'number');
      const { runtimeApi, traceId, pid, ...env } = body.env;
      assert.equal(typeof pid, 'number');
      assert.equal(typeof runtimeApi, 'string');
      assert.equal(typeof traceId, 'string');
      return { event: body.event, context, env };
    };
    assert.deepEqual(shape(ours.results[0]), shape(theirs.results[0]));
  });

  const sameAnswers: ReadonlyArray<{ handler: string; event?: unknown }> = [
    { handler: 'errors.throws' },
    { handler: 'errors.rejectsString' },
    { handler: 'callback.fails' },
    { handler: 'callback.waits' },
    { handler: 'callback.contextSucceed' },
    { handler: 'slow.neverCallsBack' },
    // Not slow.neverSettles: 3.3.0 answers null; the client's source since July 2025 (as
    // the managed runtimes now do, and as ours does) fails with Runtime.NodeJsExit.
    { handler: 'esm.handler' },
    { handler: 'esm-package/index.handler' },
    { handler: 'cjs.nope' },
    { handler: 'cjs.notAFunction' },
    { handler: 'syntax-error.handler' },
    { handler: 'nothere.handler' },
    // Response streaming: the client's chunked POST with trailers, read by our Runtime API.
    { handler: 'streaming.chunks' },
    { handler: 'streaming.http' },
    { handler: 'streaming.json', event: { name: 'Ada' } },
    { handler: 'streaming.failsMidway' },
    { handler: 'streaming.notAsync' },
    { handler: 'streaming.lateContentType' },
    { handler: 'streaming.badContentType' },
  ];
  for (const { handler, event } of sameAnswers) {
    it(`answers ${handler} as the official client does`, async () => {
      const [ours, theirs] = await Promise.all([invokeWith('ours', handler, [event ?? {}]), invokeWith('ric', handler, [event ?? {}])]);
      const answer = (r: InvokeResult | undefined) => {
        if (r?.streamed) return { status: r.status, contentType: r.streamed.contentType, body: r.streamed.body.toString('latin1') };
        const body = JSON.parse(r?.payload ?? 'null') as unknown;
        if (r?.status === 'success') return { status: r.status, body };
        const { errorType, errorMessage, trace } = body as { errorType: string; errorMessage: string; trace?: string[] };
        // Require stacks name the loader (their index.mjs, our bootstrap); the first trace line names the error.
        const firstLine = (text: string | undefined) => text?.split('\n')[0];
        return { status: r?.status, errorType, errorMessage: firstLine(errorMessage), trace0: firstLine(trace?.[0]) };
      };
      assert.deepEqual(answer(ours.results[0]), answer(theirs.results[0]));
    });
  }

  // The error line of the log, without what differs by nature (times, ids, stack frames of each loader).
  function errorLine(log: string, json: boolean): unknown {
    const line = log.split('\n').find((l) => (json ? l.includes('"level":"ERROR"') : l.includes('\tERROR\t')));
    assert.ok(line, `no error line in:\n${log}`);
    if (json) {
      const entry = JSON.parse(line) as { level: string; message: { stackTrace?: string[] } & Record<string, unknown> };
      const { stackTrace, ...message } = entry.message;
      return { keys: Object.keys(entry), level: entry.level, message, stack0: stackTrace?.[0] };
    }
    const [, , level, label, rest] = line.split('\t');
    const { stack, ...error } = JSON.parse(rest ?? '{}') as { stack?: string[] } & Record<string, unknown>;
    return { level, label, error, stack0: stack?.[0] };
  }

  for (const format of ['TEXT', 'JSON'] as const) {
    for (const handler of ['errors.throws', 'errors.rejectsString', 'streaming.failsMidway']) {
      it(`logs the error of ${handler} as the official client does (${format} log format)`, async () => {
        const environment = { AWS_LAMBDA_LOG_FORMAT: format };
        const hasError = (log: string) => log.includes(format === 'JSON' ? '"level":"ERROR"' : '\tERROR\t');
        const [ours, theirs] = await Promise.all([invokeWith('ours', handler, [{}], environment, hasError), invokeWith('ric', handler, [{}], environment, hasError)]);
        assert.deepEqual(errorLine(ours.log, format === 'JSON'), errorLine(theirs.log, format === 'JSON'));
      });
    }
  }

  it('gives the context the same keys, in the same order, with and without a tenant', async () => {
    for (const tenantId of [undefined, 'blue']) {
      const answers = await Promise.all(
        (['ours', 'ric'] as const).map(async (which) => {
          const base = functionConfig({ root: handlersRoot, handler: 'tenant.handler', bootstrapScript, inheritedEnvironment: { PATH: process.env['PATH'] } });
          const fn = new LocalFunction(which === 'ours' ? base : { ...base, bootstrap: { script: ric, args: ['tenant.handler'], flushMarkers: false } }, () => {});
          try {
            const { keys, tenantId: seen } = JSON.parse((await fn.invoke({ payload: '{}', ...(tenantId ? { tenantId } : {}) })).payload) as { keys: string[]; tenantId: string | null };
            return { keys, seen };
          } finally {
            await fn.shutdown();
          }
        }),
      );
      assert.deepEqual(answers[0], answers[1], `tenant ${tenantId ?? 'none'}`);
    }
  });
});
