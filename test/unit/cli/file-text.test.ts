import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstInvalidUtf8 } from '../../../server/src/cli/file-text';

/** The reference: Node's strict decoder accepts exactly the well-formed texts. */
function wellFormed(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('UTF-8 validation', () => {
  it('agrees with the strict decoder, and the prefix before the first bad byte is well-formed', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }).map((s) => new TextEncoder().encode(s)));
    fc.assert(
      fc.property(bytes, (b) => {
        const bad = firstInvalidUtf8(b);
        assert.equal(bad === undefined, wellFormed(b));
        if (bad !== undefined) assert.ok(wellFormed(b.subarray(0, bad)));
      }),
      { numRuns: 5000 },
    );
  });

  const table: Array<[string, number[], number | undefined]> = [
    ['ASCII', [0x61, 0x62], undefined],
    ['an overlong slash', [0x61, 0xc0, 0xaf], 1],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82], 1],
    ['the euro sign', [0xe2, 0x82, 0xac], undefined],
  ];
  for (const [name, bytes, expected] of table) it(name, () => assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected));
});
