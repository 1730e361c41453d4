import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createWorkbenchService } from '../../../server/src/workbench';

/** Real policies (AWS managed policies, documentation examples): a false positive is a worse bug than a missed check. */
const root = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'iam');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

/**
 * Errors these documents rightly get, because the service authorization
 * reference (which Access Analyzer reads too) has moved on since they were
 * written: file → the findings (`id at text`), with why in a comment.
 */
const expectedErrors: Readonly<Record<string, readonly string[]>> = {
  // The reference types datapipeline:PipelineCreator ArrayOfString; the guide's example predates that and has no set qualifier.
  [join('user-guide', 'reference_policies_examples_datapipeline_not-owned-0.json')]: ['MISSING_QUALIFIER at "\\"datapipeline:PipelineCreator\\""'],
  // Managed policies still name services AWS retired: actions that grant nothing.
  [join('managed', 'ReadOnlyAccess.json')]: [...times(7, 'INVALID_SERVICE_IN_ACTION at "deepcomposer"'), ...times(10, 'INVALID_SERVICE_IN_ACTION at "iot1click"')],
  [join('managed', 'SecurityAudit.json')]: ['INVALID_SERVICE_IN_ACTION at "deepracer"'],
};

function times(count: number, finding: string): string[] {
  return Array.from({ length: count }, () => finding);
}

describe('IAM fixtures: real, valid policies', () => {
  const service = createWorkbenchService();
  const files = jsonFiles(root);

  it('has the managed policies the issue names', () => {
    const names = files.map((f) => relative(root, f));
    for (const name of ['AWSLambdaBasicExecutionRole', 'AWSLambdaRole', 'ReadOnlyAccess']) assert.ok(names.includes(join('managed', `${name}.json`)), name);
  });

  it('lists expected errors for existing files only', () => {
    const names = new Set(files.map((f) => relative(root, f)));
    assert.deepEqual(Object.keys(expectedErrors).filter((name) => !names.has(name)), []);
  });

  for (const file of files) {
    const name = relative(root, file);
    const expected = expectedErrors[name] ?? [];
    it(`${name}: an IAM policy with ${expected.length > 0 ? `only its ${expected.length} listed error(s)` : 'no error'}`, () => {
      const text = readFileSync(file, 'utf8');
      const analysis = service.analyze(text, undefined, file);
      assert.ok(analysis.classification.regions.some((r) => r.kind === 'iam-policy'), 'classified as an IAM policy');
      const errors = analysis.findings.filter((f) => f.severity === 'error');
      const described = errors.map((f) => `${f.id} at ${JSON.stringify(text.slice(f.range.offset, f.range.offset + f.range.length))}`);
      assert.deepEqual(described.sort(), [...expected].sort(), errors.map((f) => f.message).join('\n'));
    });
  }
});
