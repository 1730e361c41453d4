import * as assert from 'node:assert/strict';
import type { Decision } from '../../../../server/src/iam';
import { createWorkbenchService } from '../../../../server/src/workbench';
import { policiesIn, simulateRequest } from '../../../../server/src/iam';

// The documented outcomes of the AWS CLI reference's examples for `aws iam simulate-custom-policy`
// (awscli/examples/iam/simulate-custom-policy.rst) and `simulate-principal-policy`
// (awscli/examples/iam/simulate-principal-policy.rst), and what the EvaluationResult reference says
// of MissingContextValues. Each row: the policy as given (--policy-input-list), the request, and
// AWS's EvalDecision, MatchedStatements and MissingContextValues.

const service = createWorkbenchService();

/** The policy of the simulate-custom-policy examples, verbatim: DynamoDB only after a date. */
const afterDate = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';
/**
 * simulate-principal-policy example 1 describes alejandro's policy as allowing only
 * codecommit:ListRepositories; written with four-space indentation its statement ends where
 * AWS's MatchedStatements says, line 9, column 10.
 */
const listRepositoriesOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'GrantAccessToCodeCommitListRepo', Effect: 'Allow', Action: 'codecommit:ListRepositories', Resource: '*' }] }, null, 4);

interface Row {
  readonly name: string;
  readonly policy: string;
  readonly action: string;
  readonly context: ReadonlyArray<readonly [string, string]>;
  readonly decision: Decision;
  /** MatchedStatements, as AWS gives them: 1-based line and column where each statement ends. */
  readonly matchedEnds: ReadonlyArray<{ readonly line: number; readonly column: number }>;
  readonly missing: readonly string[];
}

const rows: Row[] = [
  {
    name: 'simulate-custom-policy example 1: the date is after the condition\'s, allowed',
    policy: afterDate, action: 'dynamodb:CreateBackup', context: [['aws:CurrentTime', '2019-04-25T11:00:00Z']],
    decision: 'allowed', matchedEnds: [{ line: 1, column: 167 }], missing: [],
  },
  {
    name: 'simulate-custom-policy example 2: the date is before the condition\'s, implicitDeny and no matched statement',
    policy: afterDate, action: 'dynamodb:CreateBackup', context: [['aws:CurrentTime', '2014-04-25T11:00:00Z']],
    decision: 'implicitDeny', matchedEnds: [], missing: [],
  },
  {
    name: 'simulate-principal-policy example 1: the one allowed action is allowed',
    policy: listRepositoriesOnly, action: 'codecommit:ListRepositories', context: [],
    decision: 'allowed', matchedEnds: [{ line: 9, column: 10 }], missing: [],
  },
  {
    name: 'simulate-principal-policy example 2: a date earlier than the condition permits, implicitDeny',
    policy: afterDate, action: 'dynamodb:CreateBackup', context: [['aws:CurrentTime', '2018-04-25T11:00:00Z']],
    decision: 'implicitDeny', matchedEnds: [], missing: [],
  },
  {
    name: 'EvaluationResult: a key the policy requires and the request does not give is a MissingContextValue',
    policy: afterDate, action: 'dynamodb:CreateBackup', context: [],
    decision: 'implicitDeny', matchedEnds: [], missing: ['aws:CurrentTime'],
  },
];

describe('iam simulate: the AWS CLI reference\'s simulate-custom-policy examples', () => {
  for (const row of rows) {
    it(row.name, () => {
      const analysis = service.analyze(row.policy, undefined, 'policy-input.json');
      const [policy] = policiesIn(analysis);
      assert.ok(policy);
      const result = simulateRequest([{ role: 'identity', name: 'PolicyInputList.1', policy }], { action: row.action, resource: '*', context: row.context });
      assert.equal(result.decision, row.decision);
      const ends = result.deciding.map((d) => {
        const range = policy.range(d.statement.statement.node);
        const end = analysis.document.lines.positionAt(range.offset + range.length);
        return { line: end.line + 1, column: end.character + 1 };
      });
      assert.deepEqual(ends, row.matchedEnds);
      assert.deepEqual(result.missingContextValues, row.missing);
    });
  }
});
