import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/language/finding';
import { createWorkbenchService } from '../../server/src/workbench';
import { parseSettings } from '../../server/src/language/settings';

/** One expected finding: the exact text its range covers (or its offset), and optionally its message. */
export interface ExpectedFinding {
  /** The text the finding's range covers, e.g. `"s3:GetObjectt"` (with quotes for a string node). */
  readonly at: string;
  /** Which occurrence of `at` in the document, when it occurs more than once (0-based). */
  readonly occurrence?: number;
  /** The offset itself, for ranges `at` cannot pin down (an empty range at the end). */
  readonly offset?: number;
  readonly message?: string | RegExp;
  /** Expected fix titles, in order, when the finding offers fixes. */
  readonly fixes?: readonly string[];
}

export interface InvalidCase {
  readonly name: string;
  readonly text: string;
  readonly findings: readonly ExpectedFinding[];
  /** Per-check severity settings for this case. */
  readonly settings?: Readonly<Record<string, string>>;
  /** The file's name, for checks that honour file-name conventions. */
  readonly fileName?: string;
}

export interface ValidCase {
  readonly name: string;
  readonly text: string;
  readonly fileName?: string;
}

/** Check ids exercised by a table; the registry test asserts every registered check has one. */
export const testedCheckIds = new Set<string>();

const service = createWorkbenchService();

/**
 * A check's tests as tables (typescript-eslint's style): valid texts yield no
 * finding of the check; invalid ones yield exactly the listed findings, at the listed text.
 */
export function checkTable(checkId: string, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  testedCheckIds.add(checkId);
  describe(checkId, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = findingsOf(checkId, c.text, undefined, c.fileName);
        assert.deepEqual(found.map((f) => describeFinding(c.text, f)), [], 'expected no finding');
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = findingsOf(checkId, c.text, c.settings, c.fileName);
        assert.equal(found.length, c.findings.length, `expected ${c.findings.length} finding(s), got:\n${found.map((f) => describeFinding(c.text, f)).join('\n')}`);
        c.findings.forEach((expected, i) => {
          const actual = found[i];
          assert.ok(actual);
          const offset = expected.offset ?? nthIndexOf(c.text, expected.at, expected.occurrence ?? 0);
          assert.ok(offset >= 0, `test bug: "${expected.at}" is not in the text`);
          assert.deepEqual(
            { text: c.text.slice(actual.range.offset, actual.range.offset + actual.range.length), offset: actual.range.offset },
            { text: expected.at, offset },
            `finding ${i} ("${actual.message}") covers the wrong text`,
          );
          if (expected.message instanceof RegExp) assert.match(actual.message, expected.message);
          else if (expected.message !== undefined) assert.equal(actual.message, expected.message);
          if (expected.fixes) assert.deepEqual((actual.fixes ?? []).map((f) => f.title), expected.fixes);
        });
      });
    }
  });
}

function findingsOf(checkId: string, text: string, severity?: Readonly<Record<string, string>>, fileName?: string): Finding[] {
  const { settings } = parseSettings({ severity: severity ?? {} });
  return service.analyze(text, settings, fileName).findings.filter((f) => f.id === checkId);
}

function describeFinding(text: string, f: Finding): string {
  return `${f.id} at ${JSON.stringify(text.slice(f.range.offset, f.range.offset + f.range.length))} (offset ${f.range.offset}): ${f.message}`;
}

function nthIndexOf(text: string, search: string, n: number): number {
  let index = -1;
  for (let i = 0; i <= n; i++) {
    index = text.indexOf(search, index + 1);
    if (index < 0) return -1;
  }
  return index;
}
