import assert from 'node:assert/strict';
import { parseSettings } from '../../../server/src/language/settings';

describe('parseSettings', () => {
  it('takes valid severities and reports invalid ones instead of dropping them silently', () => {
    const { settings, problems } = parseSettings({ severity: { a: 'off', b: 'warning', c: 'loud', d: 3 } });
    assert.deepEqual(settings.severity, { a: 'off', b: 'warning' });
    assert.equal(problems.length, 2);
    assert.match(problems[0] ?? '', /"c"/);
  });

  it('treats missing or malformed configuration as defaults', () => {
    assert.deepEqual(parseSettings(undefined).settings.severity, {});
    assert.deepEqual(parseSettings(null).settings.severity, {});
    const { problems } = parseSettings({ severity: ['x'] });
    assert.equal(problems.length, 1);
  });
});
