import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nextEvent, waitFor, waitOnEvents } from './wait';

// The waits every other suite relies on: a missed wait fails with a message naming what was
// awaited and what was seen, and leaves no listener behind. Real VS Code event emitters.

/** An emitter's event that counts the listeners still attached to it. */
function counted<T>(emitter: vscode.EventEmitter<T>): { event: vscode.Event<T>; attached(): number } {
  let attached = 0;
  const event: vscode.Event<T> = (listener) => {
    attached++;
    const subscription = emitter.event(listener);
    return new vscode.Disposable(() => {
      attached--;
      subscription.dispose();
    });
  };
  return { event, attached: () => attached };
}

describe('wait: the integration tests\' waits', () => {
  it('nextEvent resolves with the first matching event and lets go of it', async () => {
    const emitter = new vscode.EventEmitter<number>();
    const { event, attached } = counted(emitter);
    const next = nextEvent(event, (n) => n > 1, 'a number above 1', 1_000);
    assert.equal(attached(), 1, 'it subscribes at once, before the event fires');
    emitter.fire(1);
    emitter.fire(2);
    emitter.fire(3);
    assert.equal(await next, 2);
    assert.equal(attached(), 0);
    emitter.dispose();
  });

  it('nextEvent rejects after the deadline naming what it awaited and the last event, and lets go', async () => {
    const emitter = new vscode.EventEmitter<{ decision: string }>();
    const { event, attached } = counted(emitter);
    const next = nextEvent(event, (shown) => shown.decision === 'allowed', 'the preview showing allowed', 100);
    emitter.fire({ decision: 'denied' });
    await assert.rejects(next, { message: 'the preview showing allowed did not happen within 100 ms; the last of 1 event(s) was {"decision":"denied"}' });
    assert.equal(attached(), 0);
    await assert.rejects(nextEvent(event, () => true, 'anything', 50), { message: 'anything did not happen within 50 ms; no event came' });
    emitter.dispose();
  });

  it('waitFor takes undefined and false as "not yet", and names what it saw when the deadline passes', async () => {
    let asked = 0;
    assert.equal(await waitFor(() => (++asked < 3 ? false : 'third'), 'the third answer', 1_000), 'third');
    assert.equal(asked, 3);
    await assert.rejects(
      waitFor(() => undefined, 'the lens', 120, () => 'the lenses were: none'),
      { message: 'the lens did not happen within 120 ms; the lenses were: none' },
    );
  });

  it('waitOnEvents answers at once when the state already holds, else on the event that makes it hold', async () => {
    const emitter = new vscode.EventEmitter<void>();
    const { event, attached } = counted(emitter);
    let state: string | undefined = 'ready';
    assert.equal(await waitOnEvents([event], () => state, 'the state', 100), 'ready');
    assert.equal(attached(), 0, 'no subscription when the state already holds');
    state = undefined;
    const later = waitOnEvents([event], () => state, 'the state', 1_000);
    emitter.fire();
    state = 'set';
    emitter.fire();
    assert.equal(await later, 'set');
    assert.equal(attached(), 0);
    emitter.dispose();
  });
});
