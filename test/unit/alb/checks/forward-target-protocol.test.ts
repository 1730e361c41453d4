import { checkTable } from '../../check-table';

/** A template with an HTTP and a GENEVE target group, and one listener rule whose actions each case writes. */
function template(actions: unknown[], conditions: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      Conditions: conditions,
      Resources: {
        Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] } },
        HttpTargetGroup: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'HTTP', Port: 80 } },
        GeneveTargetGroup: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'GENEVE', Port: 6081 } },
        NoProtocol: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { TargetType: 'lambda' } },
        Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'Listener' }, Priority: 1, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/x'] } }], Actions: actions } },
      },
    },
    null,
    1,
  );
}

checkTable('alb.forward-target-protocol', {
  valid: [
    { name: 'an HTTP target group', text: template([{ Type: 'forward', TargetGroupArn: { Ref: 'HttpTargetGroup' } }]) },
    { name: 'a target group without a protocol (lambda)', text: template([{ Type: 'forward', TargetGroupArn: { Ref: 'NoProtocol' } }]) },
    { name: 'a redirect', text: template([{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]) },
    { name: 'an ARN written out', text: template([{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/g/1' }]) },
    { name: 'a Ref to something that is no target group', text: template([{ Type: 'forward', TargetGroupArn: { Ref: 'Listener' } }]) },
  ],
  invalid: [
    {
      name: 'a Ref to a GENEVE target group',
      text: template([{ Type: 'forward', TargetGroupArn: { Ref: 'GeneveTargetGroup' } }]),
      findings: [{ at: '{\n       "Ref": "GeneveTargetGroup"\n      }', message: 'Rule forwards to GeneveTargetGroup, a GENEVE target group: GENEVE is only for Gateway Load Balancers, so the listener cannot forward to it.' }],
    },
    {
      name: 'Fn::GetAtt in its dotted form',
      text: template([{ Type: 'forward', TargetGroupArn: { 'Fn::GetAtt': 'GeneveTargetGroup.TargetGroupArn' } }]),
      findings: [{ at: '{\n       "Fn::GetAtt": "GeneveTargetGroup.TargetGroupArn"\n      }' }],
    },
    {
      name: 'the GENEVE branch of an Fn::If',
      text: template([{ Type: 'forward', TargetGroupArn: { 'Fn::If': ['UseGeneve', { Ref: 'GeneveTargetGroup' }, { Ref: 'HttpTargetGroup' }] } }], { UseGeneve: { 'Fn::Equals': ['a', 'b'] } }),
      findings: [{ at: '{\n         "Ref": "GeneveTargetGroup"\n        }' }],
    },
    {
      name: 'a weighted ForwardConfig',
      text: template([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'HttpTargetGroup' }, Weight: 1 }, { TargetGroupArn: { Ref: 'GeneveTargetGroup' }, Weight: 1 }] } }]),
      findings: [{ at: '{\n          "Ref": "GeneveTargetGroup"\n         }' }],
    },
  ],
});
