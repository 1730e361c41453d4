import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { changed, docsExample } from './events';

const service = createWorkbenchService();

/** The hover at the first occurrence of `at` (inside it), with the text its range covers. */
function hoverAt(text: string, at: string, occurrence = 0): { markdown: string; covers: string } | undefined {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(at, offset + 1);
  assert.ok(offset >= 0, `test bug: ${at} not in text`);
  const hover = service.hover(service.analyze(text), offset + 1);
  return hover && { markdown: hover.markdown, covers: text.slice(hover.range.offset, hover.range.offset + hover.range.length) };
}

describe('edge hover', () => {
  it('says Host is read-only in a viewer request', () => {
    const hover = hoverAt(docsExample('viewer-request'), '"host"');
    assert.equal(hover?.covers, '"host"');
    assert.match(hover?.markdown ?? '', /^\*\*Host\*\* is read-only in viewer-request events: the function can read it, but adding, changing or removing it fails validation/);
  });

  it('says Host can be changed in an origin request', () => {
    assert.match(hoverAt(docsExample('origin-request'), '"host"')?.markdown ?? '', /\*\*Host\*\* can be read, changed, added or removed by an origin-request function/);
  });

  it('explains a header from inside its value', () => {
    const hover = hoverAt(docsExample('viewer-response'), '"Mon, 13 Jan 2020 20:14:56 GMT"');
    assert.equal(hover?.covers, '"Mon, 13 Jan 2020 20:14:56 GMT"');
    assert.match(hover?.markdown ?? '', /^\*\*Date\*\* can be read, changed, added or removed by a viewer-response function/);
  });

  it('says request headers cannot be changed from a response trigger', () => {
    assert.match(hoverAt(docsExample('origin-response'), '"user-agent"')?.markdown ?? '', /changes to request headers have no effect/);
  });

  it('flags a disallowed header', () => {
    const text = changed('viewer-response', (cf) => (cf['response'].headers['x-cache'] = [{ key: 'X-Cache', value: 'Hit from cloudfront' }]));
    assert.match(hoverAt(text, '"x-cache"')?.markdown ?? '', /^\*\*X-Cache\*\* is a disallowed header/);
  });

  it('explains CloudFront-added headers in a viewer request', () => {
    const text = changed('viewer-request', (cf) => (cf['request'].headers['cloudfront-viewer-country'] = [{ value: 'US' }]));
    assert.match(hoverAt(text, '"cloudfront-viewer-country"')?.markdown ?? '', /only when the viewer sent it, and adding it fails validation \(502\)/);
  });

  it('explains a field and its access', () => {
    const hover = hoverAt(docsExample('viewer-request'), '"clientIp"');
    assert.equal(hover?.covers, '"clientIp"');
    assert.match(hover?.markdown ?? '', /^\*\*request\.clientIp\*\* \(read-only\)\n\nThe IP address of the viewer/);
  });

  it('says the query string is read-only in response triggers', () => {
    assert.match(hoverAt(docsExample('origin-response'), '"querystring"')?.markdown ?? '', /^\*\*request\.querystring\*\* \(read-only in origin-response: the function returns the response\)/);
  });

  it('gives the trigger\'s limits on eventType', () => {
    assert.match(hoverAt(docsExample('viewer-request'), '"viewer-request"')?.markdown ?? '', /viewer-request: timeout 5 s, memory 128 MB; may return a generated response of up to 40 KB\./);
    assert.match(hoverAt(docsExample('origin-request'), '"origin-request"')?.markdown ?? '', /origin-request: timeout 30 s, memory as in Lambda; may return a generated response of up to 1 MB\./);
  });

  it('explains origin fields', () => {
    assert.match(hoverAt(docsExample('origin-request'), '"readTimeout"')?.markdown ?? '', /^\*\*request\.origin\.custom\.readTimeout\*\* \(read\/write\)\n\nSeconds to wait for the origin/);
  });

  it('says nothing outside the event', () => {
    assert.equal(hoverAt('{"Records": [{"cf": {"config": {}}}], "other": 1}', '"other"'), undefined);
  });
});
