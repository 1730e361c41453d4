import type { Node } from 'jsonc-parser';
import { elements, propertyValue, stringValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import { referencedId, templateResources } from '../../template';
import { albDocs } from '../docs';

const targetGroupType = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/**
 * A forward of a listener or listener rule must not go to a GENEVE target
 * group: GENEVE is the Gateway Load Balancer's protocol, which Application and
 * Network Load Balancers cannot forward to (cfn-lint's E3711).
 */
export const forwardTargetProtocol = defineCheck({
  id: 'alb.forward-target-protocol',
  scope: 'alb-config',
  severity: 'error',
  title: 'A forward goes to a GENEVE target group, which only a Gateway Load Balancer serves.',
  docs: albDocs.geneveTargetGroups,
  *run(context): Iterable<Report> {
    if (context.region.shape !== 'cloudformation') return;
    const resources = templateResources(context.region.node);
    const geneve = (id: string | undefined) => {
      const group = id !== undefined ? resources.get(id) : undefined;
      return group?.type === targetGroupType && stringValue(propertyValue(group.properties, 'Protocol')) === 'GENEVE' ? group.id : undefined;
    };
    for (const resource of resources.values()) {
      const actions = resource.type === 'AWS::ElasticLoadBalancingV2::ListenerRule' ? propertyValue(resource.properties, 'Actions') : resource.type === 'AWS::ElasticLoadBalancingV2::Listener' ? propertyValue(resource.properties, 'DefaultActions') : undefined;
      for (const action of elements(actions)) {
        if (stringValue(propertyValue(action, 'Type')) !== 'forward') continue;
        const arns = [propertyValue(action, 'TargetGroupArn'), ...elements(propertyValue(propertyValue(action, 'ForwardConfig'), 'TargetGroups')).map((g) => propertyValue(g, 'TargetGroupArn'))];
        for (const arn of arns) {
          for (const candidate of arn ? alternatives(arn) : []) {
            const id = geneve(referencedId(candidate));
            if (id) yield { range: candidate, message: `${resource.id} forwards to ${id}, a GENEVE target group: GENEVE is only for Gateway Load Balancers, so the listener cannot forward to it.` };
          }
        }
      }
    }
  },
});

/** The values a `Fn::If` may take (each branch, as CloudFormation may pick either), or the value itself. */
function alternatives(node: Node): Node[] {
  const branches = elements(propertyValue(node, 'Fn::If')).slice(1);
  return branches.length ? branches.flatMap(alternatives) : [node];
}
