import assert from 'node:assert/strict';
import { parseJsonDocument } from '../../../server/src/document/json';

describe('parseJsonDocument', () => {
  it('keeps a tree and records problems for text with mistakes', () => {
    const document = parseJsonDocument('{"a": 1, "b": }');
    assert.equal(document.root?.type, 'object');
    assert.deepEqual(document.syntaxProblems.map((p) => p.code), ['ValueExpected']);
  });

  // Found by the property test: jsonc-parser gives "/*" at the very end a length of 3.
  it('keeps problem ranges inside the text (an unterminated comment at the end)', () => {
    const text = '{"a": 1}/*';
    const [problem] = parseJsonDocument(text).syntaxProblems;
    assert.deepEqual(problem, { code: 'InvalidCommentToken', offset: 8, length: 2 });
  });

  it('has no root for empty text and no problems either', () => {
    const document = parseJsonDocument('  ');
    assert.equal(document.root, undefined);
    assert.deepEqual(document.syntaxProblems, []);
  });
});
