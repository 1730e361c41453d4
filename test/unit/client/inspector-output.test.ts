import assert from 'node:assert/strict';
import { InspectorOutput, type InspectorAddress } from '../../../client/src/debug/inspector-output';

// Node's inspector banner as a paused environment prints it (node --inspect-brk=127.0.0.1:0).
const banner = 'Debugger listening on ws://127.0.0.1:40519/0b7a6c1e-5d0c-4f57-9d0e-4a4d4c6d1f2a\nFor help, see: https://nodejs.org/en/docs/inspector\n';

function reader(): { output: InspectorOutput; log: string[]; heard: InspectorAddress[] } {
  const log: string[] = [];
  const heard: InspectorAddress[] = [];
  return { output: new InspectorOutput((text) => log.push(text), (address) => heard.push(address)), log, heard };
}

describe('debug: inspector output', () => {
  it('learns the port from the banner and keeps Node\'s lines out of the log', () => {
    const { output, log, heard } = reader();
    output.push(banner);
    output.push('Debugger attached.\n');
    output.push('START RequestId: 1 Version: $LATEST\n');
    output.push('2024-05-01T12:00:00.000Z\t1\tINFO\thello\n');
    assert.deepEqual(heard, [{ url: 'ws://127.0.0.1:40519/0b7a6c1e-5d0c-4f57-9d0e-4a4d4c6d1f2a', port: 40519 }]);
    assert.equal(log.join(''), 'START RequestId: 1 Version: $LATEST\n2024-05-01T12:00:00.000Z\t1\tINFO\thello\n');
  });

  it('waits for the banner line to be whole when it comes in pieces', () => {
    const { output, log, heard } = reader();
    output.push('Debugger listening on ws://127.0.0.1:4');
    assert.deepEqual(heard, []);
    output.push('0519/0b7a6c1e\n');
    output.push('For help, see: https://nodejs.org/en/docs/inspector\n');
    assert.deepEqual(heard, [{ url: 'ws://127.0.0.1:40519/0b7a6c1e', port: 40519 }]);
    assert.deepEqual(log, []);
  });

  it('keeps the function\'s own lines that merely mention the debugger', () => {
    const { output, log } = reader();
    output.push(banner);
    output.push('INFO Debugger attached. said the handler\n');
    assert.deepEqual(log, ['INFO Debugger attached. said the handler\n']);
  });

  it('gives back what it held when the process ends without a banner', () => {
    const { output, log, heard } = reader();
    output.push('node: bad option: --inspect-brk=127.0.0.1:0\n');
    output.flush();
    assert.deepEqual(heard, []);
    assert.deepEqual(log, ['node: bad option: --inspect-brk=127.0.0.1:0\n']);
  });

  it('stops holding text back past 64 KiB without a banner', () => {
    const { output, log } = reader();
    const noise = 'x'.repeat(64 * 1024);
    output.push(noise);
    assert.deepEqual(log, [noise]);
  });

  it('reads an IPv6 banner', () => {
    const { output, heard } = reader();
    output.push('Debugger listening on ws://[::1]:9229/abc\n');
    assert.deepEqual(heard, [{ url: 'ws://[::1]:9229/abc', port: 9229 }]);
  });
});
