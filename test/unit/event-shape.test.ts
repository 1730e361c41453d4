import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEventShaped } from '../../server/src/event-shape';

const examples = join(__dirname, '..', '..', '..', 'examples');
const example = (path: string) => readFileSync(join(examples, path), 'utf8');

describe('event picker: which JSON could be an event', () => {
  const cases: { name: string; text: () => string; event: boolean }[] = [
    { name: 'a plain event', text: () => '{ "name": "Ada" }', event: true },
    { name: 'an API Gateway-style event', text: () => '{ "httpMethod": "GET", "path": "/", "headers": {} }', event: true },
    { name: 'a CloudFront viewer-request event', text: () => example('edge/events/viewer-request.json'), event: true },
    { name: 'the handlers example event', text: () => example('handlers/events/hello.json'), event: true },
    { name: 'an IAM policy', text: () => example('iam/typos.json'), event: false },
    { name: 'an SCP', text: () => example('iam/deny-regions.scp.json'), event: false },
    { name: 'ALB describe-rules output', text: () => example('alb/describe-rules.json'), event: false },
    { name: 'ALB --conditions file', text: () => example('alb/conditions.json'), event: false },
    { name: 'a CloudFormation template', text: () => example('alb/listener-rules.cfn.json'), event: false },
    { name: 'an array', text: () => '[1, 2]', event: false },
    { name: 'a string', text: () => '"event"', event: false },
    { name: 'invalid JSON', text: () => '{ "name": ', event: false },
    { name: 'an empty file', text: () => '', event: false },
  ];
  for (const c of cases) it(`${c.name}: ${c.event ? 'offered' : 'left out'}`, () => assert.equal(isEventShaped(c.text()), c.event));
});
