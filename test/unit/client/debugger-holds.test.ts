import assert from 'node:assert/strict';
import { DebuggerHolds, type DapMessage } from '../../../client/src/debug/debugger-holds';

// What js-debug's sessions say and are asked, step by step, and the calls on the run's deadlines
// that follow. The first case is the traffic js-debug exchanged in the integration test
// "stops at a breakpoint in a JavaScript handler" (session "Remote Process [0]").

type Step = readonly ['sent' | 'received', string, DapMessage] | readonly ['ended', string];

const stopped = (threadId: number): DapMessage => ({ type: 'event', event: 'stopped', body: { threadId } });
const continued = (threadId: number, allThreadsContinued = false): DapMessage => ({ type: 'event', event: 'continued', body: { threadId, allThreadsContinued } });
const request = (command: string, args: DapMessage['arguments'] = {}): DapMessage => ({ type: 'request', command, arguments: args });

const cases: ReadonlyArray<{ readonly name: string; readonly steps: readonly Step[]; readonly calls: readonly string[] }> = [
  {
    name: 'js-debug lets the process run, stops at a breakpoint, continues',
    steps: [
      ['sent', 'target', { type: 'event', event: 'thread', body: { threadId: 0 } }],
      ['received', 'target', request('configurationDone')],
      ['sent', 'target', continued(0)],
      ['sent', 'target', continued(0)],
      ['sent', 'target', stopped(0)],
      ['received', 'target', request('stackTrace', { threadId: 0 })],
      ['received', 'target', request('continue', { threadId: 0 })],
      ['sent', 'target', continued(0)],
    ],
    calls: ['resume', 'pause', 'resume'],
  },
  {
    name: 'stepping: each step resumes, each stop pauses',
    steps: [['sent', 'target', continued(0)], ['sent', 'target', stopped(0)], ['received', 'target', request('next', { threadId: 0 })], ['sent', 'target', stopped(0)], ['received', 'target', request('stepIn', { threadId: 0 })], ['sent', 'target', stopped(0)], ['received', 'target', request('stepOut', { threadId: 0 })], ['sent', 'target', continued(0)], ['sent', 'target', stopped(0)], ['received', 'target', request('restartFrame', {})], ['sent', 'target', stopped(0)]],
    calls: ['resume', 'pause', 'resume', 'pause', 'resume', 'pause', 'resume', 'pause', 'resume', 'pause'],
  },
  {
    name: 'held until the debugger first lets the process run',
    steps: [['sent', 'target', stopped(0)], ['received', 'target', request('evaluate')], ['received', 'target', request('continue', { threadId: 0 })]],
    calls: ['resume'],
  },
  {
    name: 'held while any thread of any session is stopped',
    steps: [
      ['sent', 'main', continued(0)],
      ['sent', 'main', stopped(0)],
      ['sent', 'worker', stopped(1)],
      ['sent', 'main', continued(0)],
      ['received', 'worker', request('continue', { threadId: 1, singleThread: true })],
    ],
    calls: ['resume', 'pause', 'resume'],
  },
  {
    name: "a request without singleThread resumes all of the session's threads, and only that session's",
    steps: [['sent', 'a', continued(0)], ['sent', 'a', stopped(1)], ['sent', 'a', stopped(2)], ['sent', 'b', stopped(1)], ['received', 'a', request('next', { threadId: 1 })], ['sent', 'b', continued(7, true)]],
    calls: ['resume', 'pause', 'resume'],
  },
  {
    name: 'a session that ends holds nothing, even before it let the process run',
    steps: [['ended', 'target']],
    calls: ['resume'],
  },
  {
    name: 'a session that ends while stopped lets the deadlines run',
    steps: [['sent', 'target', continued(0)], ['sent', 'target', stopped(0)], ['ended', 'target']],
    calls: ['resume', 'pause', 'resume'],
  },
];

describe('client: debugger holds on a debug run', () => {
  for (const { name, steps, calls } of cases) {
    it(name, () => {
      const seen: string[] = [];
      const holds = new DebuggerHolds({ pauseDeadlines: () => seen.push('pause'), resumeDeadlines: () => seen.push('resume') });
      for (const step of steps) {
        if (step[0] === 'ended') holds.ended(step[1]);
        else if (step[0] === 'sent') holds.sent(step[1], step[2]);
        else holds.received(step[1], step[2]);
      }
      assert.deepEqual(seen, calls);
    });
  }
});
