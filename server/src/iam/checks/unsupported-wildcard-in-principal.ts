import type { Report } from '../../language/check';
import { principalEntries } from '../principal-values';
import { analyzerDocs, iamCheck } from '../define';

/** Principals match exactly: "*" alone means everyone, but a wildcard inside an ARN or id matches nothing. */
export const unsupportedWildcardInPrincipal = iamCheck({
  id: 'UNSUPPORTED_WILDCARD_IN_PRINCIPAL',
  severity: 'error',
  title: 'A principal has a wildcard inside its ARN or id.',
  docs: analyzerDocs('error-unsupported-wildcard-in-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    principalEntries(policy).forEach(({ kind, values }) => {
      if (kind !== 'AWS' && kind !== 'CanonicalUser') return;
      for (const { node, value } of values) {
        if (value === '*' || !/[*?]/.test(value)) continue;
        out.push({ range: policy.range(node), message: `Principals do not take wildcards: "${value}" matches no principal. Use "*" with a condition such as aws:PrincipalArn (ArnLike) instead.` });
      }
    });
    return out;
  },
});
