import { checkTable } from '../../check-table';
import { createRule, describeRules, forward, path } from '../fixtures';

/** Bare `--conditions` / `--actions` files, modify-rule and modify-listener inputs get the checks a create-rule input gets. */
const conditionsFile = (...conditions: object[]) => JSON.stringify(conditions);
const actionsFile = (...actions: object[]) => JSON.stringify(actions);
const modifyRule = (extra: object) => JSON.stringify({ RuleArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3', ...extra });
const modifyListener = (extra: object) => JSON.stringify({ ListenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/2', ...extra });

checkTable('alb.condition-values', {
  valid: [
    { name: 'one legacy value', text: createRule([{ Field: 'host-header', Values: ['a.example.com'] }]) },
    { name: 'several values in the *Config form', text: createRule([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a', '/b'] } }]) },
    { name: 'describe-rules output mirrors several config values in Values', text: describeRules([[1, [{ Field: 'path-pattern', Values: ['/a', '/b'], PathPatternConfig: { Values: ['/a', '/b'] } }]]]) },
  ],
  invalid: [
    {
      name: 'two legacy values in a create-rule input',
      text: createRule([{ Field: 'path-pattern', Values: ['/a', '/b'] }]),
      findings: [{ at: '"/b"', message: 'The Values form takes one value; AWS refuses more. Put several path-pattern values in PathPatternConfig.Values.' }],
    },
    { name: 'two legacy values in a --conditions file', text: conditionsFile({ Field: 'host-header', Values: ['a.example.com', 'b.example.com'] }), findings: [{ at: '"b.example.com"', message: /takes one value/ }] },
    { name: 'two legacy values in a modify-rule input', text: modifyRule({ Conditions: [{ Field: 'path-pattern', Values: ['/a', '/b'] }] }), findings: [{ at: '"/b"', message: /takes one value/ }] },
  ],
});

checkTable('alb.condition-field', {
  valid: [{ name: 'a --conditions file', text: conditionsFile(path('/a'), { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } }) }],
  invalid: [
    { name: 'an unknown field in a --conditions file', text: conditionsFile({ Field: 'path', Values: ['/a'] }), findings: [{ at: '"path"', message: /^"path" is not a condition field/, fixes: ['Change to "path-pattern"'] }] },
    { name: 'an unknown field next to good ones', text: conditionsFile(path('/a'), { Field: 'hostname', HostHeaderConfig: { Values: ['a.example.com'] } }), findings: [{ at: '"hostname"', message: /is not a condition field/, fixes: ['Change to "host-header"'] }] },
    {
      name: 'a second *Config in a --conditions file',
      text: conditionsFile({ Field: 'path-pattern', PathPatternConfig: { Values: ['/a'] }, HostHeaderConfig: { Values: ['a.example.com'] } }),
      findings: [{ at: '"HostHeaderConfig"', message: /belongs to host-header conditions/ }],
    },
    { name: 'an unknown field in a modify-rule input', text: modifyRule({ Conditions: [{ Field: 'url', Values: ['/a'] }] }), findings: [{ at: '"url"', message: /is not a condition field/ }] },
  ],
});

checkTable('alb.action-type', {
  valid: [{ name: 'an --actions file', text: actionsFile(forward) }],
  invalid: [
    { name: 'an unknown type in an --actions file', text: actionsFile({ Type: 'forwrd', TargetGroupArn: 'arn:tg' }), findings: [{ at: '"forwrd"', message: /^"forwrd" is not an action type/ }] },
    { name: 'an unknown type in a modify-rule input', text: modifyRule({ Actions: [{ Type: 'fixed', FixedResponseConfig: { StatusCode: '200' } }] }), findings: [{ at: '"fixed"', message: /is not an action type/ }] },
    { name: 'an unknown default action in a modify-listener input', text: modifyListener({ Port: 443, DefaultActions: [{ Type: 'redirekt', RedirectConfig: { Protocol: 'HTTPS' } }] }), findings: [{ at: '"redirekt"', message: /is not an action type/ }] },
  ],
});

checkTable('alb.rule-shape', {
  valid: [{ name: 'a modify-rule input changing the actions only', text: modifyRule({ Actions: [forward] }) }],
  invalid: [{ name: 'a modify-rule input emptying the conditions', text: modifyRule({ Conditions: [], Actions: [forward] }), findings: [{ at: '"Conditions"', message: /needs at least one condition/ }] }],
});

const template = (properties: object) => JSON.stringify({ Resources: { Group: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: properties } } });

/** After AWS's target group reference and cfn-lint's target group protocol restrictions. */
checkTable('alb.target-group-config', {
  valid: [
    { name: 'GENEVE on 6081', text: template({ Protocol: 'GENEVE', Port: 6081, VpcId: 'vpc-1' }) },
    { name: 'GENEVE with an HTTP health check path', text: template({ Protocol: 'GENEVE', Port: 6081, HealthCheckProtocol: 'HTTP', HealthCheckPath: '/health' }) },
    { name: 'HTTPS with a Matcher', text: template({ Protocol: 'HTTPS', Port: 443, Matcher: { HttpCode: '200' } }) },
    { name: 'the protocol an expression', text: template({ Protocol: { Ref: 'Protocol' }, Port: 6081 }) },
    { name: 'a lambda target group', text: template({ TargetType: 'lambda', Targets: [{ Id: 'arn:aws:lambda:us-east-1:123456789012:function:f' }] }) },
  ],
  invalid: [
    { name: 'GENEVE on another port', text: template({ Protocol: 'GENEVE', Port: 6082 }), findings: [{ at: '6082', message: 'A GENEVE target group uses port 6081 (got 6082).' }] },
    {
      name: 'GENEVE with an HTTP health check path but a TCP check',
      text: template({ Protocol: 'GENEVE', Port: 6081, HealthCheckPath: '/health', Matcher: { HttpCode: '200' } }),
      findings: [
        { at: '"HealthCheckPath"', message: 'HealthCheckPath is for HTTP and HTTPS health checks; a GENEVE target group checks health over TCP unless HealthCheckProtocol says HTTP or HTTPS.' },
        { at: '"Matcher"', message: /^Matcher is for HTTP and HTTPS health checks/ },
      ],
    },
    { name: 'TLS with a Matcher', text: template({ Protocol: 'TLS', Port: 443, Matcher: {} }), findings: [{ at: '"Matcher"', message: 'Matcher holds HTTP or gRPC codes; a TLS target group does not take it.' }] },
    { name: 'an HTTP target group with a TCP health check and a path', text: template({ Protocol: 'HTTP', Port: 80, HealthCheckProtocol: 'TCP', HealthCheckPath: '/' }), findings: [{ at: '"HealthCheckPath"', message: 'HealthCheckPath is for HTTP and HTTPS health checks; HealthCheckProtocol is TCP.' }] },
    {
      name: 'a lambda target group with a port, protocol and VPC',
      text: template({ TargetType: 'lambda', Port: 80, Protocol: 'HTTP', VpcId: 'vpc-1' }),
      findings: [
        { at: '"Port"', message: 'Group is a lambda target group: ALB invokes the function, so Port does not apply; remove it.' },
        { at: '"Protocol"', message: /so Protocol does not apply/ },
        { at: '"VpcId"', message: /so VpcId does not apply/ },
      ],
    },
  ],
});
