import assert from 'node:assert/strict';
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { nestingLimit, tooDeepOffset } from '../../../server/src/document/depth';
import { parseJsonDocument } from '../../../server/src/document/json';

/** Where jsonc-parser itself first goes past the limit, from its own events (small texts only: it recurses), and whether the text was valid. */
function parserDepth(text: string, limit: number): { found: number | undefined; valid: boolean } {
  let depth = 0;
  let found: number | undefined;
  let valid = true;
  const enter = (offset: number) => {
    if (++depth > limit && found === undefined) found = offset;
  };
  const leave = () => depth--;
  visit(text, { onArrayBegin: enter, onObjectBegin: enter, onArrayEnd: leave, onObjectEnd: leave, onError: () => (valid = false) }, { disallowComments: false });
  return { found, valid };
}

const jsonish = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', '\n', '/', '*', ',', ':', '1', 'a', ' '), { maxLength: 80 }).map((c) => c.join(''));

describe('nesting depth', () => {
  it('the text scan stops the parser no later than where it goes past the limit, exactly there in valid JSON', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v))), fc.integer({ min: 1, max: 4 }), (text, limit) => {
        const scanned = tooDeepOffset(text, limit);
        const { found, valid } = parserDepth(text, limit);
        // After a mistake the parser may stop early; the scan does not know that and may stop sooner, never later.
        if (valid) assert.equal(scanned, found, JSON.stringify(text));
        else if (found !== undefined) assert.ok(scanned !== undefined && scanned <= found, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  const table: Array<[string, string, number | undefined]> = [
    ['brackets in strings do not count', '["[[[[", 1]', undefined],
    ['an escaped quote does not end a string', '["\\"[[[["]', undefined],
    ['brackets in comments do not count', '[ // [[[[\n 1 /* {{{{ */]', undefined],
    ['siblings do not add up', '[[1],[2],[3],[4]]', undefined],
    ['the first bracket past the limit', '[[[[1]]]]', 3],
  ];
  for (const [name, text, expected] of table) it(name, () => assert.equal(tooDeepOffset(text, 3), expected));

  it('parses what lies before the limit and says where it stopped', () => {
    const text = `{"Statement": ${'['.repeat(20_000)}${']'.repeat(20_000)}, "Version": "2012-10-17"}`;
    const document = parseJsonDocument(text);
    assert.equal(document.root?.type, 'object');
    assert.deepEqual(document.syntaxProblems, [{ code: 'NestingTooDeep', offset: 14 + nestingLimit - 1, length: 1 }]);
  });
});
