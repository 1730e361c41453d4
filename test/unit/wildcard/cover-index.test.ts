import assert from 'node:assert/strict';
import fc from 'fast-check';
import { covers } from '../../../server/src/wildcard/cover';
import { CoverIndex } from '../../../server/src/wildcard/cover-index';
import type { MatchMeter } from '../../../server/src/wildcard/match';

/** Equal as the index compares: after ASCII case folding when it ignores case. */
const same = (a: string, b: string, caseInsensitive: boolean) => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The pair-wise answer the index replaces: the first other entry, in list order, that covers entry i (and is not the same text). */
function bruteForce(list: readonly string[], i: number, caseInsensitive: boolean): number | undefined {
  const text = list[i] as string;
  const found = list.findIndex((p, j) => j !== i && !same(p, text, caseInsensitive) && /[*?]/.test(p) && covers(p, text, caseInsensitive));
  return found < 0 ? undefined : found;
}

function indexOf(list: readonly string[], caseInsensitive: boolean): CoverIndex<string> {
  const index = new CoverIndex<string>(caseInsensitive);
  list.forEach((p, i) => index.add(p, i, p));
  return index;
}

const entry = fc.array(fc.constantFrom('a', 'B', 'b', '/', '*', '?'), { maxLength: 8 }).map((c) => c.join(''));
/** Patterns sharing prefix and suffix (`x*...*y`), many to a bucket, so the run index is used. */
const bucketed = fc.array(fc.constantFrom('a', 'b', 'A', '*', '?'), { maxLength: 6 }).map((c) => `x*${c.join('')}*y`);

describe('cover index', () => {
  it('finds what comparing every pair finds', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.boolean(), (list, caseInsensitive) => {
        const index = indexOf(list, caseInsensitive);
        list.forEach((text, i) => {
          const found = index.firstCovering(text, (e) => e.index !== i && !same(e.pattern, text, caseInsensitive));
          assert.equal(found?.index, bruteForce(list, i, caseInsensitive), `${JSON.stringify(text)} in ${JSON.stringify(list)}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('finds what comparing every pair finds, in large buckets of one prefix and suffix', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(bucketed, entry), { minLength: 10, maxLength: 60 }), fc.boolean(), (list, caseInsensitive) => {
        const index = indexOf(list, caseInsensitive);
        list.forEach((text, i) => {
          const found = index.firstCovering(text, (e) => e.index !== i && !same(e.pattern, text, caseInsensitive));
          assert.equal(found?.index, bruteForce(list, i, caseInsensitive), `${JSON.stringify(text)} in ${JSON.stringify(list)}`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('finds what comparing every pair finds while its list grows past the short scan (8 wildcards) into the index', () => {
    const wildcard = fc.array(fc.constantFrom('a', 'B', '*', '?'), { minLength: 1, maxLength: 5 }).map((c) => `${c.join('')}*`);
    fc.assert(
      fc.property(fc.array(fc.oneof(wildcard, entry), { minLength: 6, maxLength: 14 }), fc.boolean(), (list, caseInsensitive) => {
        // Asked after each add: the same index answers from its short list, then from its index.
        const index = new CoverIndex<string>(caseInsensitive);
        list.forEach((p, added) => {
          index.add(p, added, p);
          const seen = list.slice(0, added + 1);
          seen.forEach((text, i) => {
            const found = index.firstCovering(text, (e) => e.index !== i && !same(e.pattern, text, caseInsensitive));
            assert.equal(found?.index, bruteForce(seen, i, caseInsensitive), `${JSON.stringify(text)} in ${JSON.stringify(seen)}`);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('looks up 5,000 wildcards that share prefix and suffix (s3:*Name*) in steps linear in the list', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `s3:*Get${i.toString(36)}Object*`);
    const index = indexOf(list, true);
    const meter: MatchMeter = { steps: 0 };
    list.forEach((text, i) => index.firstCovering(text, (e) => e.index !== i, meter));
    assert.ok(meter.steps <= 200 * list.length, `${meter.steps} steps`);
  });

  it('looks up 5,000 wildcard actions of one service in steps linear in the list', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `s3:Get${i.toString(36)}Object*`);
    const index = indexOf(list, true);
    const meter: MatchMeter = { steps: 0 };
    list.forEach((text, i) => index.firstCovering(text, (e) => e.index !== i, meter));
    // A pair-wise scan would take 25,000,000 comparisons.
    assert.ok(meter.steps <= 40 * list.length, `${meter.steps} steps`);
  });

  it('looks up 5,000 resources in steps linear in the list', () => {
    const list = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `arn:aws:s3:::bucket-${i >> 1}/*` : `arn:aws:s3:::bucket-${i >> 1}/logs/${i}.txt`));
    const index = indexOf(list, false);
    const meter: MatchMeter = { steps: 0 };
    let covered = 0;
    list.forEach((text, i) => {
      if (index.firstCovering(text, (e) => e.index !== i, meter)) covered++;
    });
    assert.equal(covered, 2500);
    assert.ok(meter.steps <= 60 * list.length, `${meter.steps} steps`);
  });
});
