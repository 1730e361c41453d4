import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { timeBudgetId } from '../../../server/src/language/time-budget';

/** A clock that advances one millisecond each time it is read: every check "takes" a millisecond, on any machine. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjectt", "Resource": "*"}]}';

describe('time budget per analysis', () => {
  it('without a budget (the CLI), every check runs and nothing is left out', () => {
    const service = createWorkbenchService({ now: tickingClock() });
    const findings = service.analyze(policy).findings;
    assert.ok(findings.some((f) => f.id === 'INVALID_ACTION'));
    assert.ok(!findings.some((f) => f.id === timeBudgetId));
  });

  it('past the budget, the remaining checks are left out and named in one info finding', () => {
    const service = createWorkbenchService({ timeBudgetMs: 5, now: tickingClock() });
    const findings = service.analyze(policy).findings;
    const leftOut = findings.filter((f) => f.id === timeBudgetId);
    assert.equal(leftOut.length, 1);
    assert.equal(leftOut[0]?.severity, 'info');
    const named = /did not run on this document: (.*)\. The command-line/.exec(leftOut[0]?.message ?? '')?.[1]?.split(', ') ?? [];
    // The clock reads 0 at the start and 1, 2, ... before each check: five checks start within 5 ms, every later one is named.
    const checks = service.checks.filter((c) => c.scope === 'document' || c.scope === 'iam-policy').map((c) => c.id);
    assert.deepEqual(named, checks.slice(5));
    assert.ok(!findings.some((f) => f.id === 'INVALID_ACTION'), 'INVALID_ACTION is among those left out');
  });

  it('a budget the analysis stays within changes nothing', () => {
    const service = createWorkbenchService({ timeBudgetMs: 10_000, now: tickingClock() });
    assert.deepEqual(service.analyze(policy).findings, createWorkbenchService().analyze(policy).findings);
  });
});
