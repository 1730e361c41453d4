import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createWorkbenchService } from '../../../server/src/workbench';

const service = createWorkbenchService();

/** IAM vocabulary, some of it with characters JSON escapes inside a string (quotes, backslashes, slashes, newlines, non-ASCII). */
const words = ['s3:GetObjectt', 's3:GetObject', 's3:*', 'lamda:InvokeFunction', 'iam:PassRole', '*', 'arn:aws:s3:::b/*', 'arn:aws:S3:::b/x', 'arn:aws:iam:us-east-1:123:role/r',
  'arn:aws:s3:::b/${aws:usrname}', 'arn:aws:s3:::b/"quoted"', 'arn:aws:s3:::b\\back', 'arn:aws:s3:::b/é/ü', 'Allow', 'Deny', 'allow', 'a\nb', '', 'home/*'];
const word = fc.constantFrom(...words);
const statement = fc.record(
  {
    Sid: word,
    Effect: word,
    Action: fc.oneof(word, fc.array(word, { maxLength: 3 })),
    Resource: fc.oneof(word, fc.array(word, { maxLength: 3 })),
    Condition: fc.dictionary(fc.constantFrom('StringEquals', 'StringLike', 'StringEqual', 'Bool', 'NullIfExists'), fc.dictionary(fc.constantFrom('aws:username', 's3:prefix', 'aws:SourceIpp', 'aws:SecureTransport'), word, { maxKeys: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Effect'] },
);
const policy = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.array(statement, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['Statement'] });

function apply(text: string, edits: ReadonlyArray<{ offset: number; length: number; newText: string }>): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

describe('a policy kept as a JSON string gets the findings of the same policy in plain JSON (property-based)', () => {
  it('same ids and messages; each range covers the escaped form of the same text; fixes edit the same policy', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(policy, (value) => {
        const plain = JSON.stringify(value);
        const embedded = JSON.stringify({ Policy: plain });
        const outer = service.analyze(embedded).findings.filter((f) => f.id !== 'json.duplicate-key');
        const inner = service.analyze(plain).findings.filter((f) => f.id !== 'json.duplicate-key');
        assert.deepEqual(outer.map((f) => `${f.id}: ${f.message}`), inner.map((f) => `${f.id}: ${f.message}`));
        outer.forEach((f, i) => {
          const g = inner[i];
          assert.ok(g);
          const escapedSlice = embedded.slice(f.range.offset, f.range.offset + f.range.length);
          const plainSlice = plain.slice(g.range.offset, g.range.offset + g.range.length);
          assert.equal(JSON.parse(`"${escapedSlice}"`), plainSlice, `${f.id} covers the same text`);
          // A fix applied inside the string makes the same policy (layout aside) as the fix applied to the plain one.
          const fix = f.fixes?.[0];
          const plainFix = g.fixes?.[0];
          if (fix && plainFix) {
            const fixedInside = (JSON.parse(apply(embedded, fix.edits)) as { Policy: string }).Policy;
            assert.deepEqual(JSON.parse(fixedInside), JSON.parse(apply(plain, plainFix.edits)), `fix "${fix.title}"`);
          }
        });
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) },
    );
  });
});
