import { parseTree } from 'jsonc-parser';
import { forgetStatementReports } from '../server/src/iam/statement-cache';
import { createWorkbenchService } from '../server/src/workbench';
import type { Measurement } from './measurement';

const service = createWorkbenchService();

/** A realistic policy, repeated to the given number of statements. */
function policyText(statements: number): string {
  const statement = (i: number) => ({
    Sid: `Statement${i}`,
    Effect: i % 7 === 0 ? 'Deny' : 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*`],
    Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i % 5}` } },
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

const large = policyText(5000);

export const measurements: Measurement[] = [
  {
    name: 'language service: analyse a 5,000-statement policy (every registered check)',
    baseline: 'jsonc-parser parseTree of the same text',
    // Statement reports are kept across analyses: forget them, or this would measure an unchanged re-analysis.
    ours: () => {
      forgetStatementReports();
      return service.analyze(large);
    },
    base: () => parseTree(large),
    target: 5,
  },
];
