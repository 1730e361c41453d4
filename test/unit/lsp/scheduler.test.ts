import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { AnalysisScheduler } from '../../../server/src/lsp/scheduler';

/** A scheduler whose clock the test moves; its timers are real (setImmediate, setTimeout of `burstMs`). */
function scheduler(burstMs = 30) {
  const runs: string[] = [];
  let clock = 0;
  const s = new AnalysisScheduler((uri) => runs.push(uri), burstMs, () => clock);
  return { s, runs, advance: (ms: number) => (clock += ms) };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('analysis scheduler', () => {
  it('analyses an opened document at once, and drops the change notification that follows the open', async () => {
    const { s, runs } = scheduler(10_000);
    s.opened('a', 1);
    s.changed('a', 1);
    await turn();
    assert.deepEqual(runs, ['a']);
  });

  it('analyses the first change after a pause at once', async () => {
    const { s, runs, advance } = scheduler(10_000);
    s.opened('a', 1);
    await turn();
    advance(20_000);
    s.changed('a', 2);
    await turn();
    assert.deepEqual(runs, ['a', 'a']);
  });

  it('analyses a burst of changes once, after it pauses', async () => {
    const { s, runs, advance } = scheduler(30);
    s.opened('a', 1);
    await turn();
    s.changed('a', 2);
    await turn();
    for (let v = 3; v <= 10; v++) {
      advance(5);
      s.changed('a', v);
      await turn();
    }
    // The first keystroke ran at once; the rest of the burst waits for the pause.
    assert.deepEqual(runs, ['a', 'a']);
    await sleep(60);
    assert.deepEqual(runs, ['a', 'a', 'a']);
  });

  it('keeps documents apart, and forgets a closed one', async () => {
    const { s, runs } = scheduler(10_000);
    s.opened('a', 1);
    s.opened('b', 1);
    s.closed('a');
    await turn();
    assert.deepEqual(runs, ['b']);
  });

  it('never lets an older version be published over a newer one', () => {
    const { s } = scheduler();
    assert.equal(s.mayPublish('a', 2), true);
    assert.equal(s.mayPublish('a', 1), false);
    assert.equal(s.mayPublish('a', 2), true, 'the same version again (settings changed)');
    assert.equal(s.mayPublish('b', 1), true);
    s.closed('a');
    assert.equal(s.mayPublish('a', 1), true, 'a reopened document starts over');
  });
});
