import { checkTable } from '../../check-table';
import { createRule, describeRules, path, template, valueAt } from '../fixtures';

const zero = createRule([path('/a')], undefined, { Priority: 0 });
const sameInTemplate = template('HTTPS', 443, [], { Api: { priority: 3, conditions: [path('/api/*')] }, Img: { priority: 3, conditions: [path('/img/*')] } });

checkTable('alb.priority-range', {
  valid: [
    { name: 'create-rule priority 10', text: createRule([path('/a')]) },
    { name: 'describe-rules strings and the default rule', text: describeRules([['1', [path('/a')]], ['50000', [path('/b')]]]) },
  ],
  invalid: [
    { name: 'zero', text: zero, findings: [{ at: '0', offset: valueAt(zero, 'Priority'), message: 'Priority must be a whole number from 1 to 50,000 (got 0).' }] },
    { name: 'too high', text: describeRules([['50001', [path('/a')]]]), findings: [{ at: '"50001"', message: 'Priority must be a whole number from 1 to 50,000 (got "50001").' }] },
    {
      name: 'a template rule without Priority',
      text: createRule([path('/a')], undefined, { Priority: undefined }),
      findings: [{ at: '"Conditions"', message: 'The rule has no Priority; every rule but the default one needs a priority from 1 to 50,000.' }],
    },
  ],
});

checkTable('alb.duplicate-priority', {
  valid: [
    { name: 'distinct priorities', text: describeRules([[1, [path('/a')]], [2, [path('/b')]]]) },
    {
      name: 'the same priority on two listeners',
      text: JSON.stringify({
        Resources: {
          L1: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 80, Protocol: 'HTTP', DefaultActions: [] } },
          L2: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { Port: 81, Protocol: 'HTTP', DefaultActions: [] } },
          R1: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'L1' }, Priority: 5, Conditions: [path('/a')], Actions: [] } },
          R2: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: { Ref: 'L2' }, Priority: 5, Conditions: [path('/a')], Actions: [] } },
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'two rules with priority 7',
      text: describeRules([[7, [path('/a')]], [7, [path('/b')]]]),
      findings: [{ at: '"7"', occurrence: 1, message: `Priority 7 is already taken by rule 7 in this listener; AWS refuses this rule: "PriorityInUse: Priority '7' is currently in use".` }],
    },
    {
      name: 'named by logical id in a template',
      text: sameInTemplate,
      findings: [{ at: '3', offset: valueAt(sameInTemplate, 'Priority', 1), message: /already taken by rule Api/ }],
    },
  ],
});
