import assert from 'node:assert/strict';
import type { InvokeResult } from '../../server/src/runtime/local-function';
import { parsed, waitFor, withFunction, type Harness } from './harness';

// Deadlines paused and resumed, as the debugger does while it holds the process: no timeout
// fires while paused, a resumed deadline has exactly the time it had left, and a timeout still
// fires with Lambda's error while not paused. The pauses are held for a set time on purpose:
// that time passing without a timeout is what is under test.

const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An invoke in flight, with when (if yet) it settled. */
function track(h: Harness, event: unknown): { readonly result: Promise<InvokeResult>; settledAt: () => number | undefined } {
  let settledAt: number | undefined;
  const result = h.invoke(event).finally(() => (settledAt = Date.now()));
  return { result, settledAt: () => settledAt };
}

function assertTimedOut(h: Harness, result: InvokeResult): void {
  assert.equal(result.timedOut, true, result.payload);
  assert.deepEqual(parsed(result), { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds` });
  assert.match(h.log, new RegExp(`Z ${result.requestId} Task timed out after 1\\.00 seconds\\nEND RequestId: ${result.requestId}\\nREPORT RequestId: ${result.requestId}\\tDuration: 1000\\.00 ms\\t.*\\tStatus: timeout\\t`));
}

describe('runtime: deadlines paused for a debugger (real processes)', function () {
  this.timeout(20_000);

  it('starts the timeout of an invoke taken while paused only on resume', () =>
    withFunction('on-demand.handler', { timeoutSeconds: 1 }, async (h) => {
      h.fn.pauseDeadlines();
      const spin = track(h, { do: 'spin' });
      await waitFor(() => h.log.includes('START RequestId'), 5000, 'the environment to take the event');
      await hold(1500);
      assert.equal(spin.settledAt(), undefined, 'no timeout while paused, 1.5 s past the 1 s timeout');
      const resumedAt = Date.now();
      h.fn.resumeDeadlines();
      const result = await spin.result;
      const after = (spin.settledAt() ?? 0) - resumedAt;
      assert.ok(after >= 995 && after < 1150, `timed out ${after} ms after the resume, the whole timeout`);
      assertTimedOut(h, result);
    }));

  it('resumes a deadline paused mid-invoke with exactly the time it had left', () =>
    withFunction('on-demand.handler', { timeoutSeconds: 1 }, async (h) => {
      const invokedAt = Date.now();
      const spin = track(h, { do: 'spin' });
      await waitFor(() => h.log.includes('START RequestId'), 5000, 'the environment to take the event');
      const seenAt = Date.now();
      await hold(300);
      const pausedAt = Date.now();
      h.fn.pauseDeadlines();
      await hold(1000);
      assert.equal(spin.settledAt(), undefined, 'no timeout while paused');
      const resumedAt = Date.now();
      h.fn.resumeDeadlines();
      const result = await spin.result;
      const after = (spin.settledAt() ?? 0) - resumedAt;
      // The deadline was armed between the invoke and the moment its START was seen.
      const leftAtLeast = 1000 - (pausedAt - invokedAt);
      const leftAtMost = 1000 - (pausedAt - seenAt);
      assert.ok(after >= leftAtLeast - 5 && after < leftAtMost + 150, `timed out ${after} ms after the resume; ${leftAtLeast}-${leftAtMost} ms were left`);
      assertTimedOut(h, result);
    }));

  it('lets a handler outlast its timeout while paused, without counting the pause, and enforces the timeout again once resumed', () =>
    withFunction('on-demand.handler', { timeoutSeconds: 1 }, async (h) => {
      h.fn.pauseDeadlines();
      const slow = await h.invoke({ do: 'sleep', ms: 1500 });
      assert.equal(slow.status, 'success', slow.payload);
      assert.ok(slow.durationMs < 1, `the duration leaves the paused time out: ${slow.durationMs} ms`);
      h.fn.resumeDeadlines();
      const timed = await h.invoke({ do: 'sleep', ms: 300 });
      assert.ok(timed.durationMs >= 299 && timed.durationMs < 1000, `a running invoke's duration counts: ${timed.durationMs} ms`);
      const startedAt = Date.now();
      const spin = await h.invoke({ do: 'spin' });
      assert.ok(Date.now() - startedAt < 1500, 'the timeout fired on time');
      assertTimedOut(h, spin);
    }));

  const remainingCases = [
    { name: "the handler's remaining time leaves the pause out, under a debugger", follows: true },
    { name: "without that (any other run), it is Lambda's wall-clock deadline", follows: false },
  ] as const;
  for (const { name, follows } of remainingCases) {
    it(name, () =>
      withFunction('slow.remaining', { timeoutSeconds: 2, remainingTimeFollowsPauses: follows }, async (h) => {
        // 600 ms of sleep, about 400 of them paused.
        const invokedAt = Date.now();
        const run = track(h, { ms: 600 });
        await waitFor(() => h.log.includes('START RequestId'), 5000, 'the environment to take the event');
        await hold(100);
        const pausedAt = Date.now();
        h.fn.pauseDeadlines();
        await hold(400);
        const paused = Date.now() - pausedAt;
        h.fn.resumeDeadlines();
        const result = await run.result;
        const took = (run.settledAt() ?? Date.now()) - invokedAt;
        const { before, after, ours } = parsed(result) as { before: number; after: number; ours: string[] };
        assert.deepEqual(ours, [], 'the handler sees only Lambda\'s variables');
        assert.ok(before > 1900 && before <= 2000, `${before} ms left at the start`);
        const lost = before - after;
        // The handler slept 600 ms and ran at most as long as the whole invoke took.
        const [low, high] = follows ? [600 - paused - 10, took - paused + 10] : [595, took + 10];
        assert.ok(lost >= low && lost <= high, `${lost} ms went by for the handler (expected ${low}-${high}; paused ${paused} ms)`);
      }));
  }
});
