import assert from 'node:assert/strict';
import { LatestFindings } from '../../../server/src/lsp/documents';
import type { Finding } from '../../../server/src/language/finding';

const finding = (id: string): Finding => ({ id, severity: 'error', message: id, range: { offset: 0, length: 0 } });

describe('latest findings per document (what code actions offer fixes from)', () => {
  it('answers a version already analysed at once, and an older one with undefined', async () => {
    const latest = new LatestFindings();
    latest.set('a', 2, [finding('X')]);
    assert.deepEqual(await latest.of('a', 2), [finding('X')]);
    assert.equal(await latest.of('a', 1), undefined);
  });

  it('answers a version being analysed once its findings arrive', async () => {
    const latest = new LatestFindings();
    const asked = latest.of('a', 3);
    latest.set('a', 3, [finding('Y')]);
    assert.deepEqual(await asked, [finding('Y')]);
  });

  it('answers undefined when a newer version or a close comes first; ignores findings older than the known ones', async () => {
    const latest = new LatestFindings();
    const superseded = latest.of('a', 1);
    latest.superseded('a', 2);
    const closed = latest.of('a', 2);
    const later = latest.of('a', 5);
    latest.set('a', 4, [finding('Z')]);
    latest.set('a', 3, [finding('old')]);
    assert.deepEqual(await latest.of('a', 4), [finding('Z')]);
    latest.forget('a');
    assert.deepEqual(await Promise.all([superseded, closed, later]), [undefined, undefined, undefined]);
  });
});
