import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf, findString } from '../values';
import { guideDocs, iamCheck } from '../define';

/** `"Action": "*"` on `"Resource": "*"` is full administrator access. */
export const starActionOnStarResource = iamCheck({
  id: 'iam.star-action-on-star-resource',
  severity: 'warning',
  title: 'A statement allows every action on every resource.',
  docs: guideDocs('best-practices.html#grant-least-privilege'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      if (statement.elements.Condition || effectOf(statement) !== 'Allow') return;
      const star = findString(statement.elements.Action?.value, '*');
      if (star && findString(statement.elements.Resource?.value, '*')) {
        out.push({ range: policy.range(star), message: '"*" on "*" grants full administrator access: grant the actions and resources this principal needs.' });
      }
    });
    return out;
  },
});
