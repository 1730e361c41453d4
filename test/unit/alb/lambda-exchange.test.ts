import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forwardedTarget, mappingForTarget, targetGroupFor, templateFunctionFor, type ForwardedTarget } from '../../../server/src/alb/lambda/exchange';
import { defaultRoutingOptions } from '../../../server/src/alb/routing/options';
import { parseRequest } from '../../../server/src/alb/routing/request';
import type { RouteTrace } from '../../../server/src/alb/routing/route';
import { simulate } from '../../../server/src/alb/simulate';
import { parseJsonDocument } from '../../../server/src/document/json';
import { classifyTree } from '../../../server/src/workbench';
import { describeRules, path, template } from './fixtures';

function trace(text: string, url: string): RouteTrace {
  const parsed = parseRequest({ method: 'GET', url });
  assert.ok('request' in parsed);
  const document = parseJsonDocument(text);
  const result = simulate({ document, classification: classifyTree(document.root) }, parsed.request, defaultRoutingOptions);
  assert.ok(result.kind === 'trace');
  return result.trace;
}

const examples = join(__dirname, '..', '..', '..', '..', 'examples', 'alb');
const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/6d0ecf831eec9f09';

describe('ALB Lambda target: the forwarded target group', () => {
  it('is the chosen group of a forward, with the request after the rewrites, and nothing for other outcomes', () => {
    const rules = describeRules([[1, [path('/api/*')], [{ Type: 'forward', TargetGroupArn: arn }]]]);
    assert.deepEqual(forwardedTarget(trace(rules, 'https://e.com/api/x?q=1')), { arn, resource: undefined, forwarded: { host: 'e.com', path: '/api/x', query: 'q=1' } });
    assert.equal(forwardedTarget(trace(rules, 'https://e.com/other')), undefined, 'the default fixed response');
  });

  it("reads a template's target group that a rule names with Ref: its Name and multi-value setting", () => {
    const target = forwardedTarget(trace(readFileSync(join(examples, 'lambda-targets.cfn.json'), 'utf8'), 'https://example.com/api/echo'));
    assert.deepEqual(target?.arn, 'ApiTargetGroup');
    assert.deepEqual(target?.resource, { logicalId: 'ApiTargetGroup', name: 'api-cfn', multiValueHeaders: true });
  });

  it('takes a Ref to a target group the template does not hold by its logical id alone', () => {
    const text = template('HTTP', 80, [{ Type: 'forward', TargetGroupArn: { Ref: 'ImportedGroup' } }], {});
    assert.deepEqual(forwardedTarget(trace(text, 'http://e.com/')), { arn: 'ImportedGroup', resource: undefined, forwarded: { host: 'e.com', path: '/', query: '' } });
  });

  it('finds the mapping by logical id, then by the template Name', () => {
    const target: ForwardedTarget = { arn: 'ApiTargetGroup', resource: { logicalId: 'ApiTargetGroup', name: 'api-cfn', multiValueHeaders: undefined }, forwarded: { host: 'e', path: '/', query: '' } };
    assert.equal(mappingForTarget({ 'api-cfn': { handler: 'n.h' }, ApiTargetGroup: { handler: 'l.h' } }, target)?.key, 'ApiTargetGroup');
    assert.equal(mappingForTarget({ 'api-cfn': { handler: 'n.h' } }, target)?.key, 'api-cfn');
    assert.equal(mappingForTarget({ api: { handler: 'n.h' } }, target), undefined);
  });

  it('takes multi-value headers from the mapping, else the template, else off; and puts a stand-in ARN in the event for a Ref', () => {
    const forwarded = { host: 'e', path: '/', query: '' };
    const ref = (multiValueHeaders: boolean | undefined): ForwardedTarget => ({ arn: 'ApiTargetGroup', resource: { logicalId: 'ApiTargetGroup', name: 'api-cfn', multiValueHeaders }, forwarded });
    const stand = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-cfn/0000000000000000';
    assert.deepEqual(targetGroupFor(ref(true), { handler: 'h.h', multiValueHeaders: false }), { arn: stand, multiValueHeaders: false, multiValueFrom: 'mapping' });
    assert.deepEqual(targetGroupFor(ref(true), { handler: 'h.h' }), { arn: stand, multiValueHeaders: true, multiValueFrom: 'template' });
    assert.deepEqual(targetGroupFor(ref(undefined), { handler: 'h.h' }), { arn: stand, multiValueHeaders: false, multiValueFrom: 'default' });
    assert.deepEqual(targetGroupFor({ arn: 'Imported', resource: undefined, forwarded }, { handler: 'h.h' }).arn, 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/Imported/0000000000000000');
    assert.deepEqual(targetGroupFor({ arn, resource: undefined, forwarded }, { handler: 'h.h', multiValueHeaders: true }), { arn, multiValueHeaders: true, multiValueFrom: 'mapping' });
  });
});

describe("ALB Lambda target: a template's own function", () => {
  /** A template whose only rule forwards to TG, a lambda target group whose target is `functionId`, plus `extra` resources. */
  function withFunction(functionId: unknown, extra: Record<string, object>, targetType = 'lambda'): string {
    const parsed = JSON.parse(template('HTTP', 80, [{ Type: 'forward', TargetGroupArn: { Ref: 'TG' } }], {})) as { Resources: Record<string, object> };
    parsed.Resources['TG'] = { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { TargetType: targetType, Targets: [{ Id: functionId }] } };
    Object.assign(parsed.Resources, extra);
    return JSON.stringify(parsed);
  }
  const getAtt = { 'Fn::GetAtt': ['Fn', 'Arn'] };
  const cases: ReadonlyArray<{ name: string; text: string; expected: { handler: string; codePath: string } | undefined }> = [
    {
      name: "SAM's CodeUri and Handler",
      text: withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 'src/', Handler: 'app.handler', Runtime: 'nodejs20.x' } } }),
      expected: { handler: 'app.handler', codePath: 'src/' },
    },
    {
      name: 'a CDK asset (cdk.out): the aws:asset:path of the Code property',
      text: withFunction({ 'Fn::GetAtt': 'Fn.Arn' }, { Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'cdk-assets', S3Key: 'abc.zip' }, Handler: 'index.handler' }, Metadata: { 'aws:asset:path': 'asset.abc123', 'aws:asset:property': 'Code' } } }),
      expected: { handler: 'index.handler', codePath: 'asset.abc123' },
    },
    {
      name: 'a local Code path, as before aws cloudformation package',
      text: withFunction(getAtt, { Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: './build', Handler: 'main.handler' } } }),
      expected: { handler: 'main.handler', codePath: './build' },
    },
    {
      name: "SAM's Globals: CodeUri and Handler given once for every function",
      text: (() => {
        const parsed = JSON.parse(withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { Runtime: 'nodejs20.x' } } })) as Record<string, unknown>;
        return JSON.stringify({ ...parsed, Globals: { Function: { CodeUri: 'shared/', Handler: 'index.handler' } } });
      })(),
      expected: { handler: 'index.handler', codePath: 'shared/' },
    },
    {
      name: 'a CodeUri built from a parameter, evaluated with its default',
      text: (() => {
        const parsed = JSON.parse(withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: { 'Fn::Sub': 'build/${Stage}' }, Handler: 'app.handler' } } })) as Record<string, unknown>;
        return JSON.stringify({ ...parsed, Parameters: { Stage: { Type: 'String', Default: 'dev' } } });
      })(),
      expected: { handler: 'app.handler', codePath: 'build/dev' },
    },
    { name: 'code only in S3: nothing to run', text: withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 's3://bucket/code.zip', Handler: 'app.handler' } } }), expected: undefined },
    { name: 'no Handler (a container image)', text: withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { ImageUri: 'repo:latest' } } }), expected: undefined },
    { name: 'a target the template does not define', text: withFunction(getAtt, {}), expected: undefined },
    { name: 'a literal ARN target', text: withFunction('arn:aws:lambda:us-east-1:123456789012:function:elsewhere', {}), expected: undefined },
    { name: 'an instance target group', text: withFunction(getAtt, { Fn: { Type: 'AWS::Serverless::Function', Properties: { CodeUri: 'src/', Handler: 'app.handler' } } }, 'instance'), expected: undefined },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => {
      const target = forwardedTarget(trace(text, 'http://e.com/'));
      assert.ok(target);
      const fn = target.resource?.lambdaFunction;
      assert.deepEqual(fn && { handler: fn.handler, codePath: fn.codePath }, expected);
    });
  }

  it('runs from the code folder, resolved from the template\'s own folder', () => {
    const target = forwardedTarget(trace(readFileSync(join(examples, 'sam-lambda-target.json'), 'utf8'), 'http://example.com/api/echo'));
    assert.ok(target);
    assert.deepEqual(templateFunctionFor(target, join(examples, 'sam-lambda-target.json')), { handler: 'alb-target.handler', root: join(examples, '..', 'handlers'), logicalId: 'EchoFunction' });
  });
});
