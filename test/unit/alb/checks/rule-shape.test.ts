import { checkTable } from '../../check-table';
import { createRule, describeRules, forward, path } from '../fixtures';

checkTable('alb.rule-shape', {
  valid: [
    { name: 'a rule with a condition and an action', text: createRule([path('/img/*')]) },
    { name: 'a --conditions file has no actions, and needs none', text: JSON.stringify([path('/img/*')]) },
    { name: 'describe-rules with a default rule', text: describeRules([[1, [path('/a')]]]) },
  ],
  invalid: [
    { name: 'no conditions', text: createRule([]), findings: [{ at: '"Conditions"', message: 'A rule needs at least one condition; without one, leave the requests to the default rule.' }] },
    { name: 'no actions', text: createRule([path('/a')], []), findings: [{ at: '"Actions"', message: 'A rule needs at least one action, ending with a forward, redirect or fixed-response.' }] },
    {
      name: 'a default rule with conditions',
      text: JSON.stringify({ Rules: [{ Priority: 'default', IsDefault: true, Conditions: [path('/a')], Actions: [forward] }] }),
      findings: [{ at: '"Conditions"', message: 'The default rule cannot have conditions: it applies when no other rule matches.' }],
    },
  ],
});
