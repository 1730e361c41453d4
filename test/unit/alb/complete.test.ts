import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { createRule, listener, path } from './fixtures';

const service = createWorkbenchService();

/** Labels proposed with the cursor inside the `occurrence`-th `marker`, and the text the first would replace. */
function proposals(text: string, marker: string, occurrence = 0): { labels: string[]; replaces: string | undefined } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(marker, at + 1);
  assert.ok(at >= 0, `test bug: ${marker}`);
  const found = service.complete(service.analyze(text), at + 1);
  const edit = found[0]?.edit;
  return { labels: found.map((p) => p.label), replaces: edit && text.slice(edit.offset, edit.offset + edit.length) };
}

describe('alb completion', () => {
  it('proposes condition fields, replacing the whole string', () => {
    const text = createRule([{ Field: 'pa', Values: ['/a'] }]);
    assert.deepEqual(proposals(text, '"pa"'), { labels: ['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'], replaces: '"pa"' });
  });

  it('proposes action types in Actions and DefaultActions, transform types in Transforms', () => {
    const rule = createRule([path('/a')], [{ Type: 'fo' }], { Transforms: [{ Type: 'url' }] });
    assert.deepEqual(proposals(rule, '"fo"').labels, ['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito', 'jwt-validation']);
    assert.deepEqual(proposals(rule, '"url"').labels, ['host-header-rewrite', 'url-rewrite']);
    assert.equal(proposals(listener('HTTP', 80, [{ Type: 're' }]), '"re"').labels[1], 'redirect');
  });

  it('proposes redirect status codes and protocols, and fixed-response content types', () => {
    const text = createRule([path('/a')], [{ Type: 'redirect', RedirectConfig: { Protocol: 'h', StatusCode: '3' } }]);
    assert.deepEqual(proposals(text, '"3"').labels, ['HTTP_301', 'HTTP_302']);
    assert.deepEqual(proposals(text, '"h"').labels, ['HTTPS', 'HTTP', '#{protocol}']);
    const fixed = createRule([path('/a')], [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 't' } }]);
    assert.equal(proposals(fixed, '"t"').labels.length, 5);
  });

  it('proposes nothing for keys or other values', () => {
    const text = createRule([path('/a')]);
    assert.deepEqual(proposals(text, '"/a"').labels, []);
    assert.deepEqual(proposals(text, '"Field"').labels, []);
  });
});
