import { parseTree } from 'jsonc-parser';
import { forgetStatementReports } from '../server/src/iam/statement-cache';
import { createWorkbenchService } from '../server/src/workbench';
import type { Measurement } from './measurement';

const service = createWorkbenchService();

/** Statements in the style people write: specific and wildcard actions, ARNs with variables, conditions, a trust statement shape. */
function statement(i: number): unknown {
  switch (i % 5) {
    case 0:
      return { Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/home/\${aws:username}/*`] };
    case 1:
      return { Sid: `Logs${i}`, Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*` };
    case 2:
      return { Sid: `Tables${i}`, Effect: 'Allow', Action: 'dynamodb:*', Resource: `arn:aws:dynamodb:eu-west-1:123456789012:table/t-${i}`, Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/team}'] } } };
    case 3:
      return { Sid: `Ec2${i}`, Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:StartInstances', 'ec2:StopInstances'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Owner': '${aws:username}' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } };
    default:
      return { Sid: `Deny${i}`, Effect: 'Deny', NotAction: ['iam:*', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
  }
}

function policyText(statements: number): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

const large = policyText(5000);
const typical = policyText(8);

export const measurements: Measurement[] = [
  {
    name: 'iam: first diagnostics for a 5,000-statement policy (every check)',
    baseline: 'jsonc-parser parseTree of the same text',
    // Statement reports are kept across analyses: forget them, or this would measure an unchanged re-analysis.
    ours: () => {
      forgetStatementReports();
      return service.analyze(large);
    },
    base: () => parseTree(large),
    target: 5,
  },
  {
    name: 'iam: first diagnostics for a typical 8-statement policy (every check)',
    baseline: 'jsonc-parser parseTree of the same text',
    ours: () => {
      forgetStatementReports();
      return service.analyze(typical);
    },
    base: () => parseTree(typical),
    target: 5,
  },
];
