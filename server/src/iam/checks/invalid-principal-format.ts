import type { Report } from '../../language/check';
import { principalEntries } from '../principal-values';
import { analyzerDocs, iamCheck } from '../define';

/**
 * An AWS principal is "*", an account id, an ARN, or the unique id IAM
 * writes in place of a deleted user or role (AIDA..., AROA...).
 */
const awsPrincipal = /^(\*|\d{12}|arn:.+|A[A-Z0-9]{15,})$/;

export const invalidPrincipalFormat = iamCheck({
  id: 'INVALID_PRINCIPAL_FORMAT',
  severity: 'error',
  title: 'An AWS principal is neither "*", an account id nor an ARN.',
  docs: analyzerDocs('error-invalid-principal-format'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    principalEntries(policy).forEach(({ kind, values }) => {
      if (kind !== 'AWS') return;
      for (const { node, value } of values) {
        // Surrounding spaces are judged leniently: one of the IAM User Guide's own examples has one.
        if (awsPrincipal.test(value.trim())) continue;
        const digits = /^\d+$/.test(value) ? ` (it has ${value.length} digits; account ids have 12)` : '';
        out.push({ range: policy.range(node), message: `"${value}" is not an AWS principal${digits}: use an account id, an ARN such as "arn:aws:iam::123456789012:role/name", or "*".` });
      }
    });
    return out;
  },
});
