import { forgetStatementReports } from '../server/src/iam/statement-cache';
import { createWorkbenchService } from '../server/src/workbench';
import type { Measurement } from './measurement';

const service = createWorkbenchService();

/** A first analysis: statement reports kept from the last round would make the spread policy look cheap. */
function cold(text: string): unknown {
  forgetStatementReports();
  return service.analyze(text);
}

/** 5,000 distinct wildcard actions of one service, as generated or pasted lists hold them. */
const actions = Array.from({ length: 5000 }, (_, i) => `s3:Get${i.toString(36)}Object*`);
/** 5,000 resources: buckets, their objects and prefixes. */
const resources = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `arn:aws:s3:::bucket-${i >> 1}/*` : `arn:aws:s3:::bucket-${i >> 1}/logs/${i}.txt`));

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const oneStatement = (element: 'Action' | 'Resource', list: string[]) =>
  policy([{ Effect: 'Allow', Action: element === 'Action' ? list : 's3:GetObject', Resource: element === 'Resource' ? list : '*' }]);
const spread = (element: 'Action' | 'Resource', list: string[]) =>
  policy(list.map((value) => ({ Effect: 'Allow', Action: element === 'Action' ? value : 's3:GetObject', Resource: element === 'Resource' ? value : '*' })));

const actionsTogether = oneStatement('Action', actions);
const actionsApart = spread('Action', actions);
const resourcesTogether = oneStatement('Resource', resources);
const resourcesApart = spread('Resource', resources);

export const measurements: Measurement[] = [
  {
    name: 'iam: 5,000 wildcard actions of one service in one statement (every check)',
    baseline: 'the same 5,000 actions, one per statement',
    ours: () => cold(actionsTogether),
    base: () => cold(actionsApart),
    target: 3,
  },
  {
    name: 'iam: 5,000 resources in one statement (every check)',
    baseline: 'the same 5,000 resources, one per statement',
    ours: () => cold(resourcesTogether),
    base: () => cold(resourcesApart),
    target: 3,
  },
];
