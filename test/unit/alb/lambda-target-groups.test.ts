import assert from 'node:assert/strict';
import { mappingFor, parseTargetGroups, parseTargetPairs, targetGroupName } from '../../../server/src/alb/lambda/target-groups';

const api = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/6d0ecf831eec9f09';

describe('ALB Lambda target: target group mappings', () => {
  it('reads a handler string or an object with multiValueHeaders', () => {
    assert.deepEqual(parseTargetGroups({ api: 'src/api.handler', [api]: { handler: 'src/b.handler', multiValueHeaders: true } }, 'targetGroups'), {
      table: { api: { handler: 'src/api.handler' }, [api]: { handler: 'src/b.handler', multiValueHeaders: true } },
      problems: [],
    });
  });

  it('leaves out and describes bad entries', () => {
    const raw = JSON.parse('{"a":3,"b":{"multiValueHeaders":true},"c":{"handler":"x.h","multiValueHeaders":"yes","weight":1},"d":"","__proto__":"p.h","my tg":"m.h"}') as unknown;
    const { table, problems } = parseTargetGroups(raw, 'targetGroups');
    assert.deepEqual(table, { c: { handler: 'x.h' } });
    assert.deepEqual(problems, [
      'targetGroups["a"] must be a handler string or { "handler": "...", "multiValueHeaders": true }',
      'targetGroups["b"].handler must be a handler string, e.g. "src/api.handler"',
      'targetGroups["c"].weight is not a known setting (handler, multiValueHeaders)',
      'targetGroups["c"].multiValueHeaders must be true or false',
      'targetGroups["d"] must be a handler string or { "handler": "...", "multiValueHeaders": true }',
      `targetGroups["__proto__"]: a key is a target group's ARN, its name or CloudFormation logical id (letters, digits and hyphens), or *`,
      `targetGroups["my tg"]: a key is a target group's ARN, its name or CloudFormation logical id (letters, digits and hyphens), or *`,
    ]);
    assert.deepEqual(parseTargetGroups(['a'], 'x').problems, ['x must be an object keyed by target group ARN or name, e.g. { "api": "src/api.handler" }']);
    assert.deepEqual(parseTargetGroups(undefined, 'x'), { table: {}, problems: [] });
  });

  it('finds a target group by ARN first, then by name, then *', () => {
    const h = (handler: string) => ({ handler });
    assert.deepEqual(mappingFor({ api: h('by-name.h'), [api]: h('by-arn.h'), '*': h('any.h') }, api), { key: api, mapping: h('by-arn.h') });
    assert.deepEqual(mappingFor({ api: h('by-name.h'), '*': h('any.h') }, api), { key: 'api', mapping: h('by-name.h') });
    assert.deepEqual(mappingFor({ '*': h('any.h') }, 'arn:other'), { key: '*', mapping: h('any.h') });
    assert.equal(mappingFor({ web: h('w.h'), constructor: h('c.h') }, api), undefined);
    assert.equal(mappingFor({}, 'constructor'), undefined, 'no inherited keys');
    assert.deepEqual(mappingFor({ 'api-blue': h('named.h'), ApiTargets: h('ref.h') }, 'ApiTargets', ['api-blue']), { key: 'ApiTargets', mapping: h('ref.h') });
    assert.deepEqual(mappingFor({ 'api-blue': h('named.h') }, 'ApiTargets', ['api-blue']), { key: 'api-blue', mapping: h('named.h') });
  });

  it('names a target group by the name in its ARN', () => {
    assert.equal(targetGroupName(api), 'api');
    assert.equal(targetGroupName('arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:targetgroup/my-tg/1'), 'my-tg');
    assert.equal(targetGroupName('api'), undefined);
  });

  it('reads --target TG=HANDLER pairs', () => {
    assert.deepEqual(parseTargetPairs(['api=x.h'], undefined).table, { api: { handler: 'x.h' } });
    assert.deepEqual(parseTargetPairs(['api=src/api.handler', `${api}=b.h`, 'nohandler=', 'bare'], true), {
      table: { api: { handler: 'src/api.handler', multiValueHeaders: true }, [api]: { handler: 'b.h', multiValueHeaders: true } },
      problems: ['expected TARGET_GROUP=HANDLER, got "nohandler="', 'expected TARGET_GROUP=HANDLER, got "bare"'],
    });
  });
});
