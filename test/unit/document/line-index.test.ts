import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/document/line-index';

describe('LineIndex', () => {
  it('maps offsets to positions and back across \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      // Offsets inside a \r\n pair have no position of their own.
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
    }
    assert.deepEqual(lines.positionAt(text.indexOf('g')), { line: 3, character: 0 });
  });

  it('clamps out-of-range input', () => {
    const lines = new LineIndex('abc\ndef');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(100), { line: 1, character: 3 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 4);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 7);
  });
});
