import assert from 'node:assert/strict';
import fc from 'fast-check';
import { covers } from '../../../server/src/wildcard/cover';
import { matchesWildcard, wildcardMatcher, type MatchMeter, type WildcardOptions } from '../../../server/src/wildcard/match';

/** Textbook dynamic programming over (pattern position, text position): obviously right, quadratic, used only here. */
function reference(pattern: string, text: string, options: WildcardOptions = {}): boolean {
  const fold = (c: string) => (options.caseInsensitive && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
  const rejects = options.oneRejects ?? '';
  let row = new Array<boolean>(text.length + 1).fill(false);
  row[0] = true;
  for (const p of pattern) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    if (p === '*') {
      next[0] = row[0] === true;
      for (let j = 1; j <= text.length; j++) next[j] = row[j] === true || next[j - 1] === true;
    } else {
      for (let j = 1; j <= text.length; j++) {
        const c = text.charAt(j - 1);
        const ok = p === '?' ? !rejects.includes(c) : fold(p) === fold(c);
        next[j] = ok && row[j - 1] === true;
      }
    }
    row = next;
  }
  return row[text.length] === true;
}

/** Steps the matcher may take: its work grows with the pattern plus the text, never their product. */
const bound = (pattern: string, text: string) => 2 * (pattern.length + text.length) + 2;

function metered(pattern: string, text: string, options: WildcardOptions = {}): { matched: boolean; steps: number } {
  const meter: MatchMeter = { steps: 0 };
  const matched = wildcardMatcher(pattern, options).matches(text, meter);
  return { matched, steps: meter.steps };
}

/** A small alphabet so that random patterns and texts often almost match (where backtracking blows up). */
const letter = fc.constantFrom('a', 'b', 'A', 'x', ':', '*', '?');
const textLetter = fc.constantFrom('a', 'b', 'A', 'B', 'x', ':', '*', '?');
const pattern = fc
  .array(fc.oneof({ weight: 2, arbitrary: letter }, { weight: 1, arbitrary: fc.constantFrom('*', '?') }), { maxLength: 64 })
  .map((chars) => chars.join(''))
  .filter((p) => [...p].filter((c) => c === '*' || c === '?').length <= 32);
const text = fc.array(textLetter, { maxLength: 300 }).map((chars) => chars.join(''));

/** The inputs that hung `check` and the server, with the text that makes a backtracking matcher explore every split. */
const pathological: Array<[string, string, string, boolean]> = [
  ['eight stars, no x at the end', 's3:********x', `s3:${'a'.repeat(5000)}`, false],
  ['stars and ones, no x at the end', 's3:*?*?*?*?*?*?*?*?x', `s3:${'a'.repeat(5000)}`, false],
  ['32 stars before a letter that never comes', `${'*a'.repeat(32)}b`, 'a'.repeat(20_000), false],
  ['32 stars that do match', `${'*a'.repeat(32)}*`, 'a'.repeat(20_000), true],
  ['a long segment found late', `*${'a'.repeat(63)}b*`, `${'a'.repeat(10_000)}b`, true],
  ['a segment longer than one machine word', `*${'a?'.repeat(40)}*`, 'ab'.repeat(5000), true],
];

describe('wildcard matcher', () => {
  const table: Array<[string, string, string, WildcardOptions, boolean]> = [
    ['* matches none', 's3:*', 's3:', {}, true],
    ['? matches exactly one', 's3:Get?', 's3:Get', {}, false],
    ['case is kept by default', 's3:get*', 's3:GetObject', {}, false],
    ['ASCII case folds on request', 's3:get*', 's3:GetObject', { caseInsensitive: true }, true],
    ['only ASCII folds', 'é', 'É', { caseInsensitive: true }, false],
    ['a middle star finds the leftmost fit', 'a*b*c', 'aXbYbZc', {}, true],
    ['prefix and suffix may not overlap', 'ab*ba', 'aba', {}, false],
    ['escapes stand for the literal characters', 'a\\*b', 'a*b', { escapes: true }, true],
    ['an escaped star is no wildcard', 'a\\*b', 'axb', { escapes: true }, false],
    ['oneRejects keeps ? off a star', 'a?', 'a*', { oneRejects: '*' }, false],
  ];
  for (const [name, p, t, options, expected] of table) it(name, () => assert.equal(matchesWildcard(p, t, options), expected));

  for (const [name, p, t, expected] of pathological) {
    it(`pathological: ${name}, in linear steps`, () => {
      const { matched, steps } = metered(p, t);
      assert.equal(matched, expected);
      assert.ok(steps <= bound(p, t), `${steps} steps for ${p.length} + ${t.length} characters`);
    });
  }

  it('agrees with the reference, within linear steps (random patterns of up to 64 characters, 32 wildcards)', () => {
    fc.assert(
      fc.property(pattern, text, fc.boolean(), (p, t, caseInsensitive) => {
        const { matched, steps } = metered(p, t, { caseInsensitive });
        assert.equal(matched, reference(p, t, { caseInsensitive }), `${JSON.stringify(p)} on ${JSON.stringify(t)}`);
        assert.ok(steps <= bound(p, t), `${steps} steps for ${p.length} + ${t.length} characters`);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on texts built from the pattern (matches are frequent)', () => {
    const filled = pattern.chain((p) =>
      fc.tuple(fc.constant(p), fc.array(fc.array(textLetter, { maxLength: 4 }), { minLength: p.length, maxLength: p.length })).map(([q, fills]) => {
        const t = [...q].map((c, i) => (c === '*' ? (fills[i] ?? []).join('') : c === '?' ? ((fills[i] ?? [])[0] ?? 'a') : c)).join('');
        return [q, t] as const;
      }),
    );
    fc.assert(
      fc.property(filled, ([p, t]) => {
        assert.equal(wildcardMatcher(p).matches(t), reference(p, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('pattern inclusion: ? never absorbs a star of the inner pattern, and agrees with the reference', () => {
    fc.assert(
      fc.property(pattern, pattern, (outer, inner) => {
        assert.equal(covers(outer, inner, false), reference(outer, inner, { oneRejects: '*' }));
      }),
      { numRuns: 1000 },
    );
  });
});
