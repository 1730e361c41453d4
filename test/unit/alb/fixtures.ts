/** Small builders for ALB documents in tests: every text is real JSON in the shapes AWS uses. */

export const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
export const forward = { Type: 'forward', TargetGroupArn: tg };
export const notFound = { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } };

export const path = (...values: string[]) => ({ Field: 'path-pattern', PathPatternConfig: { Values: values } });
export const host = (...values: string[]) => ({ Field: 'host-header', HostHeaderConfig: { Values: values } });
export const method = (...values: string[]) => ({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: values } });
export const header = (name: string, ...values: string[]) => ({ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: name, Values: values } });
export const query = (...pairs: Array<{ Key?: string; Value?: string }>) => ({ Field: 'query-string', QueryStringConfig: { Values: pairs } });
export const sourceIp = (...values: string[]) => ({ Field: 'source-ip', SourceIpConfig: { Values: values } });

/** A create-rule input (`aws elbv2 create-rule --cli-input-json`). */
export function createRule(conditions: object[], actions: object[] = [forward], extra: object = {}): string {
  return JSON.stringify({ ListenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/2', Priority: 10, Conditions: conditions, Actions: actions, ...extra });
}

/** describe-rules output: each rule is [priority, conditions, actions, extra?]; a default rule is added. */
export function describeRules(rules: Array<[number | string, object[], object[]?, object?]>, defaultActions: object[] = [notFound]): string {
  return JSON.stringify({
    Rules: [
      ...rules.map(([priority, conditions, actions, extra]) => ({ Priority: String(priority), Conditions: conditions, Actions: actions ?? [forward], IsDefault: false, ...extra })),
      { Priority: 'default', Conditions: [], Actions: defaultActions, IsDefault: true },
    ],
  });
}

/** A listener (create-listener input or one describe-listeners entry). */
export function listener(protocol: string, port: number, defaultActions: object[]): string {
  return JSON.stringify({ LoadBalancerArn: 'arn:lb', Protocol: protocol, Port: port, DefaultActions: defaultActions });
}

/** A CloudFormation template with one listener and its rules. */
export function template(protocol: string, port: number, defaultActions: object[], rules: Record<string, { priority: number; conditions: object[]; actions?: object[] }>): string {
  const resources: Record<string, object> = {
    Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: 'Alb' }, Protocol: protocol, Port: port, DefaultActions: defaultActions } },
  };
  for (const [id, rule] of Object.entries(rules)) {
    resources[id] = {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      Properties: { ListenerArn: { Ref: 'Listener' }, Priority: rule.priority, Conditions: rule.conditions, Actions: rule.actions ?? [forward] },
    };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
}

/** The offset of the value of the `occurrence`-th `"key":` in a compact JSON text. */
export function valueAt(text: string, key: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(`"${key}":`, at + 1);
    if (at < 0) throw new Error(`test bug: no "${key}" number ${occurrence}`);
  }
  return at + key.length + 3;
}
