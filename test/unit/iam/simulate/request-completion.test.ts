import assert from 'node:assert/strict';
import { requestCompletions } from '../../../../server/src/iam/simulate/request-completion';

describe('iam simulate: completing a request', () => {
  it('offers service prefixes, then the service\'s actions, without case', () => {
    const services = requestCompletions('action', 'lamb', undefined).map((p) => p.text);
    assert.deepEqual(services, ['lambda:']);
    const actions = requestCompletions('action', 'S3:getobjectv', undefined);
    assert.ok(actions.some((p) => p.text === 's3:GetObjectVersion'), JSON.stringify(actions));
    assert.ok(actions.every((p) => p.text.toLowerCase().startsWith('s3:getobjectv')));
    assert.match(actions[0]?.detail ?? '', /^Read: /);
  });

  it('offers the global keys and the action\'s service\'s keys', () => {
    assert.deepEqual(requestCompletions('contextKey', 'aws:SourceI', 's3:GetObject').map((p) => p.text), ['aws:SourceIdentity', 'aws:SourceIp']);
    const s3 = requestCompletions('contextKey', 's3:x-amz-ac', 's3:PutObject').map((p) => p.text);
    assert.ok(s3.includes('s3:x-amz-acl'), JSON.stringify(s3));
    assert.deepEqual(requestCompletions('contextKey', 's3:x-amz-ac', 'sqs:SendMessage'), [], 'another service\'s keys are not offered');
  });

  it('stops at the limit, in order', () => {
    const all = requestCompletions('action', 'ec2:', undefined, 5).map((p) => p.text);
    assert.equal(all.length, 5);
    assert.deepEqual([...all].sort((a, b) => a.localeCompare(b)), all);
    assert.deepEqual(requestCompletions('action', 'nosuchservice:', undefined), []);
  });
});
