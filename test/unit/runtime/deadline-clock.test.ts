import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { DeadlineClock } from '../../../server/src/runtime/deadline-clock';

// Real timers, short times: a pause is held for a set time because that time passing is what is under test.
const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the real time and the clock's time at which the clock's deadline fired. */
function deadline(clock: DeadlineClock, ms: number): Promise<{ real: number; clock: number }> {
  return new Promise((resolve) => clock.setDeadline(ms, () => resolve({ real: performance.now(), clock: clock.now() })));
}

describe('runtime: deadline clock', () => {
  it('stands still while paused and runs on after', async () => {
    const clock = new DeadlineClock();
    clock.pause();
    const pausedAt = clock.now();
    await hold(40);
    assert.ok(clock.now() - pausedAt < 1, `moved ${clock.now() - pausedAt} ms while paused`);
    clock.resume();
    await hold(20);
    assert.ok(clock.now() - pausedAt >= 19, 'runs again after resume');
  });

  it('counts a deadline set while paused from the resume', async () => {
    const clock = new DeadlineClock();
    clock.pause();
    const fired = deadline(clock, 30);
    await hold(60);
    const resumedAt = performance.now();
    clock.resume();
    const after = (await fired).real - resumedAt;
    // Only a lower bound: a loaded machine may run the timer late, never early.
    assert.ok(after >= 30, `fired ${after} ms after the resume`);
  });

  it('keeps exactly the time a deadline had left across pauses', async () => {
    const clock = new DeadlineClock();
    const setAt = clock.now();
    const realSetAt = performance.now();
    const fired = deadline(clock, 80);
    await hold(20);
    clock.pause();
    clock.pause();
    await hold(60);
    clock.resume();
    clock.resume();
    await hold(20);
    clock.pause();
    await hold(60);
    clock.resume();
    const firedAt = await fired;
    const running = firedAt.clock - setAt;
    const real = firedAt.real - realSetAt;
    assert.ok(running >= 79, `fired after ${running} ms of running time`);
    // Real time less running time is the time paused, however late a loaded machine runs the timer.
    assert.ok(real - running >= 120 - 2, `${real - running} ms paused (held 2 × 60 ms)`);
  });

  it('never fires before its time, though Node\'s timers may run a little early', async () => {
    for (const ms of [1, 3, 7, 12, 20, 30]) {
      const clock = new DeadlineClock();
      const setAt = clock.now();
      const fired = await deadline(clock, ms);
      assert.ok(fired.clock - setAt >= ms, `a ${ms} ms deadline fired after ${fired.clock - setAt} ms`);
    }
  });

  it('fires nothing once cleared, paused or not', async () => {
    const clock = new DeadlineClock();
    let fired = false;
    clock.setDeadline(10, () => (fired = true));
    clock.pause();
    clock.clearDeadline();
    clock.resume();
    await hold(30);
    assert.equal(fired, false);
  });
});
