import { analyzerDocs, iamCheck } from '../define';

/** Resource-based and trust policies name who they apply to in every statement. */
export const missingPrincipal = iamCheck({
  id: 'MISSING_PRINCIPAL',
  severity: 'error',
  title: 'A statement of a resource-based or trust policy has neither Principal nor NotPrincipal.',
  docs: analyzerDocs('error-missing-principal'),
  *run(policy) {
    if (policy.type.type !== 'resource' && policy.type.type !== 'trust') return;
    for (const statement of policy.statements) {
      if (statement.elements.Principal || statement.elements.NotPrincipal) continue;
      yield { range: policy.range({ offset: statement.node.offset, length: 1 }), message: `Add a "Principal" element: every statement of a ${policy.type.type === 'trust' ? 'trust' : 'resource-based'} policy needs one.` };
    }
  },
});
