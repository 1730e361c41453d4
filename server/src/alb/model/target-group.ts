import type { Node } from 'jsonc-parser';
import { properties, propertyValue, stringValue } from '../../document/tree';
import { field, locatedNumber, locatedString, written } from './located';
import type { Located, Written } from './types';

/** A target group's settings as written, for the checks on how they fit together. */
export interface TargetGroupSettings {
  readonly logicalId: string;
  readonly protocol: Located<string> | undefined;
  readonly port: Located<number> | undefined;
  readonly targetType: Located<string> | undefined;
  readonly healthCheckProtocol: Located<string> | undefined;
  /** Where each property is written, by name (to point at one that does not belong). */
  readonly keys: ReadonlyMap<string, Written>;
}

const targetGroupType = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** Every `AWS::ElasticLoadBalancingV2::TargetGroup` of a template. */
export function readTargetGroupSettings(template: Node): TargetGroupSettings[] {
  const out: TargetGroupSettings[] = [];
  for (const { name, value } of properties(propertyValue(template, 'Resources'))) {
    if (stringValue(propertyValue(value, 'Type')) !== targetGroupType) continue;
    const props = propertyValue(value, 'Properties');
    if (props?.type !== 'object') continue;
    const keys = new Map<string, Written>();
    for (const p of properties(props)) {
      const w = written(props, p.name);
      if (w) keys.set(p.name, { key: w.key, range: w.range });
    }
    out.push({
      logicalId: name,
      protocol: field(props, 'Protocol', locatedString),
      port: field(props, 'Port', locatedNumber),
      targetType: field(props, 'TargetType', locatedString),
      healthCheckProtocol: field(props, 'HealthCheckProtocol', locatedString),
      keys,
    });
  }
  return out;
}
