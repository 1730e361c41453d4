import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

export const invalidEffect = iamCheck({
  id: 'INVALID_EFFECT',
  severity: 'error',
  title: 'A statement\'s Effect is neither Allow nor Deny.',
  docs: analyzerDocs('error-invalid-effect'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      const effect = statement.elements.Effect?.value;
      if (effect?.type !== 'string' || effect.value === 'Allow' || effect.value === 'Deny') return;
      const value = String(effect.value);
      const fixed = value.toLowerCase() === 'allow' ? 'Allow' : value.toLowerCase() === 'deny' ? 'Deny' : undefined;
      const range = policy.range(effect);
      out.push({
        range,
        message: `Effect must be "Allow" or "Deny" (case-sensitive), not "${value}".`,
        ...(fixed ? { fixes: [{ title: `Use "${fixed}"`, edits: [{ ...range, newText: policy.literal(fixed) }], preferred: true }] } : {}),
      });
    });
    return out;
  },
});
