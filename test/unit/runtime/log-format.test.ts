import assert from 'node:assert/strict';
import { exitReason, timeoutError } from '../../../server/src/runtime/errors';
import { traceLines, userFrame } from '../../../server/src/runtime/stack-frame';
import { billedDuration, endLine, initReportLine, logForTerminal, reportLine, startLine, timeoutLogLine } from '../../../server/src/runtime/log-format';

describe('runtime: a function\'s log shown in a terminal', () => {
  const rows: ReadonlyArray<readonly [string, string, string]> = [
    ['a record\'s inner line breaks become breaks', 'INFO\tline one\rline two\n', 'INFO\tline one\nline two\n'],
    ['a stack trace, every frame', '[ERROR] NameError: x\rTraceback (most recent call last):\r  File "a.py", line 2\n', '[ERROR] NameError: x\nTraceback (most recent call last):\n  File "a.py", line 2\n'],
    ['a \\r\\n is left as it is', 'a\r\nb\n', 'a\r\nb\n'],
    ['a \\r at the end of a chunk is a break', 'a\r', 'a\n'],
    ['a log without \\r is the same string', 'START RequestId: x\n', 'START RequestId: x\n'],
  ];
  for (const [name, text, shown] of rows) it(name, () => assert.equal(logForTerminal(text), shown));
});

describe('runtime: platform log lines and errors', () => {
  const id = '8f507cfc-0000-4000-8000-000000000001';

  it('prints START and END as Lambda does', () => {
    assert.equal(startLine(id, '$LATEST'), `START RequestId: ${id} Version: $LATEST\n`);
    assert.equal(endLine(id), `END RequestId: ${id}\n`);
  });

  it('prints REPORT with tab-separated fields and a trailing tab', () => {
    assert.equal(
      reportLine({ requestId: id, durationMs: 2.531, memorySizeMB: 128, maxMemoryUsedMB: 67, initDurationMs: 154.214 }),
      `REPORT RequestId: ${id}\tDuration: 2.53 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\tInit Duration: 154.21 ms\t\n`,
    );
    assert.equal(
      reportLine({ requestId: id, durationMs: 3000, memorySizeMB: 256, maxMemoryUsedMB: 80, status: 'timeout', errorType: 'Sandbox.Timedout' }),
      `REPORT RequestId: ${id}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\tStatus: timeout\tError Type: Sandbox.Timedout\t\n`,
    );
  });

  it('bills whole milliseconds, rounded up, at least one', () => {
    assert.equal(billedDuration(0.2), 1);
    assert.equal(billedDuration(12.01), 13);
    assert.equal(billedDuration(12), 12);
  });

  it('says "Task timed out after N.NN seconds" in the log and the error', () => {
    assert.equal(timeoutLogLine(new Date('2024-05-01T12:00:00.000Z'), id, 3), `2024-05-01T12:00:00.000Z ${id} Task timed out after 3.00 seconds\n`);
    assert.deepEqual(timeoutError(id, 0.5), { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after 0.50 seconds` });
  });

  it('prints INIT_REPORT for a failed Init', () => {
    assert.equal(initReportLine(10000, 'timeout'), 'INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout\n');
    assert.equal(initReportLine(5.5, 'error', 'Runtime.ExitError'), 'INIT_REPORT Init Duration: 5.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError\n');
  });

  it('describes a dead runtime in Go process-state words, as Lambda does', () => {
    assert.equal(exitReason(1, null), 'Runtime exited with error: exit status 1');
    assert.equal(exitReason(null, 'SIGKILL'), 'Runtime exited with error: signal: killed');
    assert.equal(exitReason(null, 'SIGABRT'), 'Runtime exited with error: signal: aborted');
    assert.equal(exitReason(0, null), 'Runtime exited without providing a reason');
  });
});

describe('runtime: the stack frame to show for an error', () => {
  const trace = [
    'ValidationError: name is required',
    '    at validate (/app/node_modules/lib/index.js:3:9)',
    '    at check (/app/src/util.js:10:5)',
    '    at exports.handler (/app/src/index.js:12:3)',
    '    at /ext/dist/runtime-bootstrap.js:211:22',
    '    at new Promise (<anonymous>)',
  ];
  const isRuntime = (file: string) => file.startsWith('/ext/');

  it('prefers the handler\'s own file', () => {
    assert.deepEqual(userFrame(trace, '/app/src/index.js', isRuntime), { file: '/app/src/index.js', line: 12, column: 3 });
  });

  it('else takes the first frame in user code, skipping node_modules and the runtime', () => {
    assert.deepEqual(userFrame(trace, '/app/other.js', isRuntime), { file: '/app/src/util.js', line: 10, column: 5 });
    assert.equal(userFrame(['Error: x', '    at node:internal/timers:581:17'], '/a.js', isRuntime), undefined);
  });

  it('reads file URLs and errors whose location is in the message (syntax errors)', () => {
    assert.deepEqual(userFrame(['    at file:///app/esm.mjs:4:1'], '/x', isRuntime), { file: '/app/esm.mjs', line: 4, column: 1 });
    const lines = traceLines({ errorType: 'Runtime.UserCodeSyntaxError', errorMessage: 'SyntaxError: Transform failed with 1 error:\n/app/broken.ts:2:28: ERROR: Expected "}"', trace: [] });
    assert.deepEqual(lines, ['SyntaxError: Transform failed with 1 error:', '/app/broken.ts:2:28: ERROR: Expected "}"']);
    assert.deepEqual(userFrame(lines, '/app/broken.ts', isRuntime), { file: '/app/broken.ts', line: 2, column: 28 });
  });
});
