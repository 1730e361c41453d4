import type { Report } from '../../language/check';
import { grantsAccess } from '../policy-type';
import { effectOf } from '../values';
import { guideDocs, iamCheck } from '../define';

export const allowWithNotResource = iamCheck({
  id: 'iam.allow-with-not-resource',
  severity: 'warning',
  title: 'A statement allows with NotResource, granting every other resource.',
  docs: guideDocs('reference_policies_elements_notresource.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
    if (!grantsAccess(policy.type.type)) return out;
    policy.statements.forEach((statement) => {
      const not = statement.elements.NotResource;
      if (not && effectOf(statement) === 'Allow') {
        out.push({ range: policy.range(not.key), message: '"Allow" with "NotResource" grants access to every resource except those listed, in every account and service: list the resources to allow instead.' });
      }
    });
    return out;
  },
});
