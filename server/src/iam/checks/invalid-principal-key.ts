import type { Report } from '../../language/check';
import { principalEntries } from '../principal-values';
import { analyzerDocs, iamCheck } from '../define';

const kinds = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

export const invalidPrincipalKey = iamCheck({
  id: 'INVALID_PRINCIPAL_KEY',
  severity: 'error',
  title: 'A principal is named with a key other than AWS, Service, Federated or CanonicalUser.',
  docs: analyzerDocs('error-invalid-principal-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    principalEntries(policy).forEach(({ kind, kindNode }) => {
      if (kinds.includes(kind)) return;
      const fixed = kinds.find((k) => k.toLowerCase() === kind.toLowerCase());
      const range = policy.range(kindNode);
      out.push({
        range,
        message: `"${kind}" is not a kind of principal: use ${kinds.map((k) => `"${k}"`).join(', ')}${fixed ? ` (keys are case-sensitive: "${fixed}")` : ''}.`,
        ...(fixed ? { fixes: [{ title: `Rename to "${fixed}"`, edits: [{ ...range, newText: policy.literal(fixed) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
