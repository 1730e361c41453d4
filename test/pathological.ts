import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Inputs that once hung or crashed the analysis (issue 15), small ones as
 * files in test/fixtures/pathological/, large ones built here.
 */
export interface PathologicalInput {
  readonly name: string;
  readonly text: string;
  /** Finding ids the analysis must report (others may come too). */
  readonly expect: readonly string[];
}

const folder = join(__dirname, '..', '..', 'test', 'fixtures', 'pathological');

export const pathologicalFile = (name: string): string => join(folder, name);

const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const deepArrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
export const deepObjects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
/** A policy kept as a JSON string (get-bucket-policy output) whose Statement nests 50,000 levels. */
export const deepPolicyString = JSON.stringify({ PolicyDocument: `{"Version":"2012-10-17","Statement":${'['.repeat(50_000)}${']'.repeat(50_000)}}` });

export const pathologicalInputs: readonly PathologicalInput[] = [
  { name: 'the 96-byte wildcard bomb', text: readFileSync(pathologicalFile('wildcard-bomb.json'), 'utf8'), expect: [] },
  { name: 'stars and ones in an action, an ARN and a condition value', text: readFileSync(pathologicalFile('stars-and-ones.json'), 'utf8'), expect: [] },
  { name: 'a wildcard bomb as long as a policy may be', text: policy([{ Effect: 'Allow', Action: `s3:${'*'.repeat(32)}x`, Resource: `arn:aws:s3:::${'*?'.repeat(16)}${'a'.repeat(6000)}` }]), expect: [] },
  { name: '100,000 nested arrays', text: deepArrays, expect: ['json.syntax'] },
  { name: '100,000 nested objects', text: deepObjects, expect: ['json.syntax'] },
  { name: 'a policy string 50,000 levels deep', text: deepPolicyString, expect: ['JSON_SYNTAX_ERROR'] },
  { name: '5,000 wildcard actions of one service in one statement', text: policy([{ Effect: 'Allow', Action: Array.from({ length: 5000 }, (_, i) => `s3:Get${i.toString(36)}*`), Resource: '*' }]), expect: ['REDUNDANT_ACTION'] },
  { name: '5,000 wildcard actions sharing prefix and suffix (s3:*Name*) in one statement', text: policy([{ Effect: 'Allow', Action: Array.from({ length: 5000 }, (_, i) => `s3:*Get${i.toString(36)}*`), Resource: '*' }]), expect: [] },
  { name: '5,000 resources in one statement', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 5000 }, (_, i) => (i % 2 ? `arn:aws:s3:::b${i >> 1}/*` : `arn:aws:s3:::b${i >> 1}/k${i}`)) }]), expect: ['REDUNDANT_RESOURCE'] },
];
