import assert from 'node:assert/strict';
import { decodeStringToken, mapRange, unmapOffset } from '../../../server/src/iam/embedded';

describe('policies kept as JSON strings: offsets through escapes', () => {
  const outer = '{"Policy": "{\\"Action\\":\\"s3:Get\\u004fbject\\",\\"Sid\\":\\"a\\/b\\\\n\\"}"}';
  const token = outer.indexOf('"{');
  const decoded = decodeStringToken(outer, token, outer.lastIndexOf('"') - token + 1);

  it('decodes every escape JSON has', () => {
    assert.equal(decoded.text, '{"Action":"s3:GetObject","Sid":"a/b\\n"}');
    assert.equal(decoded.offsets.length, decoded.text.length + 1);
  });

  it('maps a decoded range to the exact characters of the document, escapes included', () => {
    const action = decoded.text.indexOf('"s3:GetObject"');
    const range = mapRange(decoded, { offset: action, length: '"s3:GetObject"'.length });
    assert.equal(outer.slice(range.offset, range.offset + range.length), '\\"s3:Get\\u004fbject\\"');
    const sid = decoded.text.indexOf('a/b');
    const sidRange = mapRange(decoded, { offset: sid, length: 3 });
    assert.equal(outer.slice(sidRange.offset, sidRange.offset + sidRange.length), 'a\\/b');
  });

  it('maps a document offset back into the decoded text', () => {
    const inEscape = outer.indexOf('u004f');
    assert.equal(decoded.text[unmapOffset(decoded, inEscape)], 'O');
    assert.equal(unmapOffset(decoded, outer.indexOf('Action')), decoded.text.indexOf('Action'));
  });
});
