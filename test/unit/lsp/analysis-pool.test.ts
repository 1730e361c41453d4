import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AnalysisPool } from '../../../server/src/lsp/analysis-pool';
import { defaultSettings } from '../../../server/src/language/settings';

/** The compiled server entry: the same file is the server and its analysis workers. */
const script = join(__dirname, '..', '..', '..', 'server', 'src', 'server.js');

function policy(statements: number, action: string): string {
  const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', i === 0 ? action : 's3:PutObject'], Resource: `arn:aws:s3:::b-${i}/*` });
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

const ids = (findings: ReadonlyArray<{ id: string }> | undefined) => findings?.map((f) => f.id);

describe('analysis pool (worker threads)', () => {
  const logged: string[] = [];
  let pool: AnalysisPool;
  beforeEach(() => {
    logged.length = 0;
    pool = new AnalysisPool(script, 1, (message) => logged.push(message));
  });
  afterEach(async () => {
    await pool.dispose();
    assert.deepEqual(logged, []);
  });

  it('abandons a running analysis when a newer version of its document arrives; the newer one gets its findings', async () => {
    // The large version is on its way to the worker (running) when the edit comes: without cancellation it would settle with its findings.
    const older = pool.analyze('file:///p.json', policy(5000, 's3:ListBucket'), defaultSettings, 'json');
    const newer = pool.analyze('file:///p.json', policy(5000, 's3:ListBuckett'), defaultSettings, 'json');
    assert.equal(await older, undefined);
    assert.ok(ids(await newer)?.includes('INVALID_ACTION'));
  });

  it('keeps a document apart from another: a newer version of one does not abandon the other', async () => {
    const other = pool.analyze('file:///other.json', policy(3, 's3:ListBuckett'), defaultSettings, 'json');
    const first = pool.analyze('file:///p.json', policy(3, 's3:ListBucket'), defaultSettings, 'json');
    const second = pool.analyze('file:///p.json', policy(3, 's3:ListBuckettt'), defaultSettings, 'json');
    assert.deepEqual(ids(await other), ['INVALID_ACTION']);
    assert.equal(await first, undefined, 'waiting behind the other document, superseded before it started');
    assert.deepEqual(ids(await second), ['INVALID_ACTION']);
  });

  it('edit after edit, each version answered from the previous one gives what a first analysis gives', async () => {
    const versions = [policy(50, 's3:ListBucket'), policy(50, 's3:ListBuckett'), policy(50, 's3:ListBucke'), policy(50, 's3:ListBucket')];
    const answers = [];
    for (const text of versions) answers.push(ids(await pool.analyze('file:///p.json', text, defaultSettings, 'json')));
    assert.deepEqual(answers, [[], ['INVALID_ACTION'], ['INVALID_ACTION'], []]);
    pool.forget('file:///p.json');
    assert.deepEqual(ids(await pool.analyze('file:///p.json', versions[1] as string, defaultSettings, 'json')), ['INVALID_ACTION']);
  });
});
