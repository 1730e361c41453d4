import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { readTargetGroupSettings, type TargetGroupSettings } from '../model/target-group';

const geneve = 6081;
/** Protocols whose health checks default to TCP (no path, no HTTP codes). */
const tcpFamily: ReadonlySet<string> = new Set(['TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']);
/** Properties a Lambda target group does not take: ALB invokes the function, there is no port or VPC. */
const notForLambda = ['Port', 'Protocol', 'ProtocolVersion', 'VpcId'] as const;

/**
 * How a target group's protocol, port, target type and health check fit
 * together, as AWS (and cfn-lint's target group restrictions) require.
 */
export const targetGroupConfig = defineCheck({
  id: 'alb.target-group-config',
  scope: 'alb-config',
  severity: 'error',
  title: 'A target group has a port, health check setting or property its protocol or target type does not take.',
  docs: albDocs.targetGroup,
  *run(context): Iterable<Report> {
    if (context.region.shape !== 'cloudformation') return;
    for (const group of readTargetGroupSettings(context.region.node)) yield* problems(group);
  },
});

function* problems(group: TargetGroupSettings): Iterable<Report> {
  const at = (name: string) => group.keys.get(name)?.key;
  if (group.targetType?.value === 'lambda') {
    for (const name of notForLambda) {
      const key = at(name);
      if (key) yield { range: key, message: `${group.logicalId} is a lambda target group: ALB invokes the function, so ${name} does not apply; remove it.` };
    }
    return;
  }
  const protocol = group.protocol?.value;
  if (protocol === 'GENEVE' && group.port && group.port.value !== undefined && group.port.value !== geneve) {
    yield { range: group.port.range, message: `A GENEVE target group uses port ${geneve} (got ${group.port.value}).` };
  }
  const noMatcher = protocol !== undefined && protocol !== 'GENEVE' && tcpFamily.has(protocol);
  if (noMatcher) {
    const key = at('Matcher');
    if (key) yield { range: key, message: `Matcher holds HTTP or gRPC codes; a ${protocol} target group does not take it.` };
  }
  const healthCheck = group.healthCheckProtocol?.value ?? (protocol !== undefined && tcpFamily.has(protocol) ? 'TCP' : undefined);
  if (healthCheck === 'TCP') {
    const why = group.healthCheckProtocol ? 'HealthCheckProtocol is TCP' : `a ${protocol ?? ''} target group checks health over TCP unless HealthCheckProtocol says HTTP or HTTPS`;
    for (const name of ['HealthCheckPath', ...(noMatcher ? [] : ['Matcher'])]) {
      const key = at(name);
      if (key) yield { range: key, message: `${name} is for HTTP and HTTPS health checks; ${why}.` };
    }
  }
}
