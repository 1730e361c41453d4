import assert from 'node:assert/strict';
import { valueSpan } from '../../../server/src/document/string-span';

/** The text `valueSpan` picks for `length` value characters at `start` of the string written as `literal` inside `text`. */
function pick(literal: string, start: number, length: number): string {
  const text = `key: ${literal}\n`;
  const range = valueSpan(text, { offset: 5, length: literal.length }, start, length);
  return text.slice(range.offset, range.offset + range.length);
}

describe('valueSpan', () => {
  const table: ReadonlyArray<[name: string, literal: string, start: number, length: number, expected: string]> = [
    ['JSON or YAML double-quoted', '"s3:GetObject"', 3, 3, 'Get'],
    ['an escape before the span', '"a\\"b:Get"', 4, 3, 'Get'],
    ['a \\u escape before the span', '"\\u0041:Get"', 2, 3, 'Get'],
    ['YAML single-quoted with a doubled quote', "'it''s:Get'", 5, 3, 'Get'],
    ['YAML plain', 's3:GetObject', 3, 3, 'Get'],
    ['a span past the end is clipped', 's3:Get', 3, 10, 'Get'],
    ['YAML block scalar: the whole scalar', '|\n  s3:Get', 3, 3, '|\n  s3:Get'],
  ];
  for (const [name, literal, start, length, expected] of table) {
    it(name, () => assert.equal(pick(literal, start, length), expected));
  }
});
