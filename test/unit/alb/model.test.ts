import assert from 'node:assert/strict';
import { parseJsonDocument } from '../../../server/src/document/json';
import { readAlbRegion } from '../../../server/src/alb/model/read';
import { evaluationOrder, type AlbDocument, type Located } from '../../../server/src/alb/model/types';
import { classifyTree } from '../../../server/src/workbench';

function read(text: string): AlbDocument {
  const document = parseJsonDocument(text);
  const region = classifyTree(document.root).regions.find((r) => r.kind === 'alb-config');
  assert.ok(region, 'the text is an ALB document');
  return readAlbRegion(region);
}

/** The text a located value covers. */
function textOf(source: string, located: Located<unknown> | undefined): string {
  assert.ok(located);
  return source.slice(located.range.offset, located.range.offset + located.range.length);
}

describe('alb model', () => {
  it('reads describe-rules output and normalises Values and *Config to one list', () => {
    const text = JSON.stringify({
      Rules: [
        {
          Priority: '10',
          IsDefault: false,
          Conditions: [
            { Field: 'path-pattern', Values: ['/img/*'], PathPatternConfig: { Values: ['/img/*'] } },
            { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'User-Agent', Values: ['*Chrome*'] } },
            { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'version', Value: 'v1' }, { Value: 'example' }] } },
          ],
          Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg', Order: 1 }],
        },
        { Priority: 'default', IsDefault: true, Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] },
      ],
    });
    const [listener] = read(text).listeners;
    assert.ok(listener);
    assert.equal(listener.rules.length, 1);
    assert.equal(listener.defaultRule?.label, 'the default rule');
    const rule = listener.rules[0];
    assert.ok(rule);
    assert.equal(rule.label, 'rule 10');
    const [path, header, query] = rule.conditions?.items ?? [];
    assert.deepEqual(path?.values.map((v) => v.value), ['/img/*']);
    // The *Config form is the one matched; its range is inside PathPatternConfig.
    assert.ok((path?.values[0]?.range.offset ?? 0) > text.indexOf('PathPatternConfig'));
    assert.equal(textOf(text, header?.headerName), '"User-Agent"');
    assert.deepEqual(query?.queryPairs.map((p) => [p.key?.value, p.value?.value]), [['version', 'v1'], [undefined, 'example']]);
    assert.equal(rule.actions?.items[0]?.kind, 'forward');
    assert.equal(textOf(text, rule.actions?.items[0]?.targetGroupArn), '"arn:tg"');
  });

  it('reads a create-rule input with a top-level Values only', () => {
    const text = '{"ListenerArn": "arn:l", "Priority": 5, "Conditions": [{"Field": "host-header", "Values": ["a.example.com"]}], "Actions": []}';
    const rule = read(text).listeners[0]?.rules[0];
    assert.equal(rule?.priority?.value, 5);
    assert.equal(textOf(text, rule?.conditions?.items[0]?.values[0]), '"a.example.com"');
  });

  it('reads --conditions and --actions files as one half of a rule', () => {
    const conditions = read('[{"Field": "source-ip", "SourceIpConfig": {"Values": ["10.0.0.0/8"]}}]').listeners[0]?.rules[0];
    assert.equal(conditions?.actions, undefined);
    assert.deepEqual(conditions?.conditions?.items[0]?.values.map((v) => v.value), ['10.0.0.0/8']);
    const actions = read('[{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": 443, "StatusCode": "HTTP_301"}}]').listeners[0]?.rules[0];
    assert.equal(actions?.conditions, undefined);
    assert.equal(actions?.actions?.items[0]?.redirect?.port?.value, '443');
  });

  it('reads describe-listeners output: protocol, port and default actions per listener', () => {
    const text = JSON.stringify({
      Listeners: [
        { ListenerArn: 'a', Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }] },
        { ListenerArn: 'b', Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'tg' }] },
      ],
    });
    const listeners = read(text).listeners;
    assert.deepEqual(listeners.map((l) => [l.protocol?.value, l.port?.value, l.defaultRule?.actions?.items[0]?.kind]), [
      ['HTTP', 80, 'redirect'],
      ['HTTPS', 443, 'forward'],
    ]);
  });

  it('follows Ref and Fn::GetAtt from listener rules to their listener in a template', () => {
    const text = JSON.stringify({
      Resources: {
        Https: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Tg' } }] } },
        Api: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Https' }, Priority: 20, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [] } },
        Img: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { 'Fn::GetAtt': ['Https', 'ListenerArn'] }, Priority: 10, Conditions: [], Actions: [] } },
        Other: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { 'Fn::ImportValue': 'shared' }, Priority: 1, Conditions: [], Actions: [] } },
      },
    });
    const [https, other] = read(text).listeners;
    assert.equal(https?.label, 'listener Https');
    assert.deepEqual(https && evaluationOrder(https).map((r) => r.label), ['rule Img', 'rule Api', 'the default rule']);
    // The target group is an expression: known to be there, its value unknown.
    const forward = https?.defaultRule?.actions?.items[0];
    assert.equal(forward?.targetGroupArn?.value, undefined);
    assert.ok(forward?.targetGroupArn?.range);
    assert.deepEqual(other?.rules.map((r) => r.label), ['rule Other']);
    assert.match(other?.label ?? '', /named by an expression/);
  });
});
