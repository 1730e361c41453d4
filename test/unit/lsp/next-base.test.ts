import assert from 'node:assert/strict';
import { nextBase } from '../../../server/src/lsp/documents';
import { createWorkbenchService } from '../../../server/src/workbench';
import type { Reading } from '../../../server/src/language/service';

const service = createWorkbenchService();
const clean = (n: number) => `{"Version": "2012-10-17", "Statement": [{"Sid": "S${n}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`;
const broken = clean(0).replace('"Effect"', '"Effect" "');
const read = (text: string, previous?: Reading, format: 'json' | 'yaml' = 'json') => service.read(text, 'p.json', format, { previous });

describe('the base the next version is re-read from', () => {
  it('is the newest version that can be re-read from', () => {
    const first = read(clean(1));
    const second = read(clean(2), first);
    const third = read(broken, second);
    const yaml = read('a: 1', undefined, 'yaml');
    const cases: Array<[string, Reading | undefined, Reading | undefined, Reading | undefined]> = [
      ['a clean version that took its previous version apart', first, second, second],
      ['a version with a syntax error: the last clean one stays', second, third, second],
      ['nothing clean to re-read from', third, read(broken), undefined],
      ['an abandoned analysis: the previous one, still whole', second, undefined, second],
      ['YAML is parsed whole every time', undefined, yaml, undefined],
    ];
    for (const [why, previous, current, expected] of cases) assert.equal(nextBase(previous, current), expected, why);
  });

  it('re-reads the next clean version from the last clean one, across a version with a syntax error', () => {
    const before = read(clean(1));
    const statement = before.document.root?.children?.[1]?.children?.[1]?.children?.[0];
    const half = read(broken.replace('S0', 'S1'), before);
    const base = nextBase(before, half);
    const after = read(clean(1).replace('s3:GetObject', 's3:GetObjects'), base);
    // The root and the array are copied; the untouched Version property is the first tree's.
    assert.equal(after.document.root?.children?.[0], before.document.root?.children?.[0]);
    assert.notEqual(after.document.root?.children?.[1]?.children?.[1]?.children?.[0], statement, 'the edited statement is read anew');
  });
});
