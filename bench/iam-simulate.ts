import { parseTree } from 'jsonc-parser';
import { policiesIn, simulateRequest, type SimulationRequest } from '../server/src/iam';
import { createWorkbenchService } from '../server/src/workbench';
import type { Measurement } from './measurement';

/** Statements in the style people write, so the request meets every element kind: wildcards, variables, NotAction, conditions. */
function statement(i: number): unknown {
  switch (i % 5) {
    case 0:
      return { Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/home/\${aws:username}/*`] };
    case 1:
      return { Sid: `Logs${i}`, Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*` };
    case 2:
      return { Sid: `Tables${i}`, Effect: 'Allow', Action: 'ec2:*', Resource: `arn:aws:ec2:eu-west-1:123456789012:instance/i-${i}`, Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['${aws:PrincipalTag/team}'] } } };
    case 3:
      return { Sid: `Ec2${i}`, Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:StartInstances', 'ec2:StopInstances'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/Owner': '${aws:username}' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } };
    default:
      return { Sid: `Deny${i}`, Effect: 'Deny', NotAction: ['ec2:*', 'iam:*', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
  }
}

const large = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 5000 }, (_, i) => statement(i)) }, null, 2);
// The policy is read once, as the CLI reads its files; the measurement is the decision.
const policies = policiesIn(createWorkbenchService().analyze(large)).map((policy) => ({ role: 'identity' as const, name: 'large.json', policy }));
const request: SimulationRequest = {
  action: 'ec2:StartInstances',
  resource: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-7',
  principal: 'arn:aws:iam::123456789012:user/alice',
  context: [['aws:SourceIp', '203.0.113.9'], ['aws:ResourceTag/Owner', 'alice'], ['aws:PrincipalTag/team', 'blue'], ['aws:TagKeys', 'blue']],
};

export const measurements: Measurement[] = [
  {
    name: 'iam: simulate one request against a 5,000-statement policy (with the trace)',
    baseline: 'jsonc-parser parseTree of the same text',
    ours: () => simulateRequest(policies, request),
    base: () => parseTree(large),
    target: 2,
  },
];
