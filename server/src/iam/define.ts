import { defineCheck, type RegionCheck, type RegionContext, type Report } from '../language/check';
import type { Severity } from '../language/finding';
import { policyOf, type Policy } from './policy';
import { perStatementSlot, runPerStatement } from './statement-cache';

const analyzerPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';
const userGuide = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

/** The section of IAM Access Analyzer's policy check reference for a check we share with it, e.g. `error-invalid-action`. */
export function analyzerDocs(anchor: string): string {
  return `${analyzerPage}#access-analyzer-reference-policy-checks-${anchor}`;
}

/** A page of the IAM User Guide, e.g. `reference_policies_elements_version.html`. */
export function guideDocs(page: string): string {
  return `${userGuide}/${page}`;
}

interface IamCheckRow {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly docs: string;
  /**
   * The check's reports as an array. A loop that pushes, not a generator: on a
   * large policy every check walks every statement, and generator loops cost
   * several times more time and allocation there (measured with bench/iam.ts).
   * The long loops (statements, condition entries) are forEach callbacks: a
   * check runs once per analysis, so its loop runs mostly unoptimized, where
   * for-of allocates an iterator result per step.
   */
  readonly run: (policy: Policy, context: RegionContext) => readonly Report[];
  /**
   * Its reports on a statement depend only on that statement's text and the
   * policy's type (not on other statements, the Version or the file): then it
   * runs only on statements that changed since the last analysis
   * (`statement-cache.ts`). test/unit/iam/per-statement.test.ts holds every
   * such check to it.
   */
  readonly perStatement?: boolean;
}

/** A row of the IAM check table: runs on each IAM policy region, with the policy already built. */
export function iamCheck(row: IamCheckRow): RegionCheck {
  const slot = row.perStatement ? perStatementSlot() : -1;
  return defineCheck({
    id: row.id,
    scope: 'iam-policy',
    severity: row.severity,
    title: row.title,
    docs: row.docs,
    run(context) {
      const policy = policyOf(context);
      if (!policy) return [];
      return slot >= 0 ? runPerStatement(slot, policy, (view) => row.run(view, context)) : row.run(policy, context);
    },
  });
}
