import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../../server/src/language/finding';
import { createWorkbenchService } from '../../../server/src/workbench';
import { forgetStatementReports } from '../../../server/src/iam/statement-cache';
import { domainJson } from '../../arbitraries';

const service = createWorkbenchService();
const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'iam');

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(folder, e.name)) : e.name.endsWith('.json') ? [join(folder, e.name)] : []));
}

interface PolicyObject {
  Version?: unknown;
  Statement: unknown[];
}

/** The fixtures' policies with two or more statements: documented and managed policies, as written. */
const documented: PolicyObject[] = jsonFiles(fixtures).flatMap((path) => {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { Statement?: unknown };
    return Array.isArray(value.Statement) && value.Statement.length >= 2 ? [value as PolicyObject] : [];
  } catch {
    return [];
  }
});

/** Edits that keep most statements' text: moves, removals, a duplicate, another Version, more statements (the size quotas). */
function edits(policy: PolicyObject): PolicyObject[] {
  const [first, ...rest] = policy.Statement;
  return [
    { ...policy, Statement: [...policy.Statement].reverse() },
    { ...policy, Statement: rest },
    { ...policy, Statement: [first, ...policy.Statement] },
    { ...policy, Version: policy.Version === '2008-10-17' ? '2012-10-17' : '2008-10-17' },
    { Statement: policy.Statement },
    { ...policy, Statement: [...policy.Statement, ...Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::a-long-bucket-name-for-the-size-quota-${i}/*` }))] },
  ];
}

const comparable = (findings: readonly Finding[]) => findings.map((f) => JSON.stringify([f.id, f.range, f.message, f.fixes ?? null])).sort();

/** The edited policy analysed after the original (statements reused) and from a cold start must give the same findings. */
function assertSameAsCold(policy: PolicyObject): void {
  const before = JSON.stringify(policy, null, 2);
  for (const edited of edits(policy)) {
    const after = JSON.stringify(edited, null, 2);
    forgetStatementReports();
    // The first analysis only learns the statements, the second keeps their reports, the edit reuses them.
    service.analyze(before);
    service.analyze(before);
    const warm = service.analyze(after).findings;
    forgetStatementReports();
    const cold = service.analyze(after).findings;
    assert.deepEqual(comparable(warm), comparable(cold), after);
  }
}

describe('per-statement checks reuse the reports of unchanged statements', () => {
  it('gives the findings of a cold start after edits of the documented policies', () => {
    assert.ok(documented.length > 50);
    for (const policy of documented) assertSameAsCold(policy);
  });

  it('gives the findings of a cold start after edits of generated policies', () => {
    const statement = domainJson.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
    fc.assert(
      fc.property(fc.array(statement, { minLength: 2, maxLength: 5 }), fc.constantFrom('2012-10-17', '2008-10-17'), (statements, version) => {
        assertSameAsCold({ Version: version, Statement: statements.map((s, i) => (i % 2 ? { Effect: 'Allow', ...s } : s)) });
      }),
      { numRuns: 50 },
    );
  });

  it('re-runs a per-statement check on the changed statement only', () => {
    const policy = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] }, null, 2);
    forgetStatementReports();
    service.analyze(policy('arn:aws:s3:::c/*'));
    service.analyze(policy('arn:aws:s3:::c/*'));
    const edited = service.analyze(policy('arn:aws:s3:eu-west-9x:::c/*'));
    assert.ok(edited.findings.some((f) => f.id === 'INVALID_REGION'), 'the changed statement is checked');
  });
});
