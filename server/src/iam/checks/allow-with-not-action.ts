import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf } from '../values';
import { guideDocs, iamCheck } from '../define';

/** NotAction with Allow grants every action not listed, including those AWS adds later. */
export const allowWithNotAction = iamCheck({
  id: 'iam.allow-with-not-action',
  severity: 'warning',
  title: 'A statement allows with NotAction, granting every other action.',
  docs: guideDocs('reference_policies_elements_notaction.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotAction;
      if (not && effectOf(statement) === 'Allow') {
        out.push({ range: policy.range(not.key), message: '"Allow" with "NotAction" grants every action except those listed, including actions AWS adds later: list the actions to allow instead.' });
      }
    });
    return out;
  },
});
