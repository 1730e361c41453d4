import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createWorkbenchService } from '../../../server/src/workbench';

/** Real policies (AWS managed policies, documentation examples): a false positive is a worse bug than a missed check. */
const root = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'iam');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

describe('IAM fixtures: real, valid policies', () => {
  const service = createWorkbenchService();
  const files = jsonFiles(root);

  it('has the managed policies the issue names', () => {
    const names = files.map((f) => relative(root, f));
    for (const name of ['AWSLambdaBasicExecutionRole', 'AWSLambdaRole', 'ReadOnlyAccess']) assert.ok(names.includes(join('managed', `${name}.json`)), name);
  });

  for (const file of files) {
    it(`${relative(root, file)}: an IAM policy with no error`, () => {
      const text = readFileSync(file, 'utf8');
      const analysis = service.analyze(text, undefined, file);
      assert.ok(analysis.classification.regions.some((r) => r.kind === 'iam-policy'), 'classified as an IAM policy');
      const errors = analysis.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.id} at ${JSON.stringify(text.slice(f.range.offset, f.range.offset + f.range.length))}: ${f.message}`), []);
    });
  }
});
