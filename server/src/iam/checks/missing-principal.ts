import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** Resource-based, trust and resource control policies name who they apply to in every statement. */
export const missingPrincipal = iamCheck({
  id: 'MISSING_PRINCIPAL',
  severity: 'error',
  title: 'A statement of a resource-based, trust or resource control policy has neither Principal nor NotPrincipal.',
  docs: analyzerDocs('error-missing-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const type = policy.type.type;
    if (type !== 'resource' && type !== 'trust' && type !== 'rcp') return out;
    const kind = type === 'trust' ? 'trust policy' : type === 'rcp' ? 'resource control policy ("Principal": "*")' : 'resource-based policy';
    policy.statements.forEach((statement) => {
      if (statement.elements.Principal || statement.elements.NotPrincipal) return;
      out.push({ range: policy.opening(statement.node), message: `Add a "Principal" element: every statement of a ${kind} needs one.` });
    });
    return out;
  },
});
