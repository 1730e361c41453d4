import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

const names = { identity: 'identity-based policies', boundary: 'permissions boundaries' } as const;

/** Policies attached to identities apply to their holder: there is no Principal to name (SCPs: SCP_SYNTAX_ERROR_PRINCIPAL). */
export const unsupportedPrincipal = iamCheck({
  id: 'UNSUPPORTED_PRINCIPAL',
  severity: 'error',
  title: 'An identity-based policy or permissions boundary has a Principal element.',
  docs: analyzerDocs('error-unsupported-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const type = policy.type.type;
    if (type !== 'identity' && type !== 'boundary') return out;
    policy.statements.forEach((statement) => {
      const principal = statement.elements.Principal ?? statement.elements.NotPrincipal;
      if (principal) out.push({ range: policy.range(principal.key), message: `"${String(principal.key.value)}" is not supported in ${names[type]}: remove it.` });
    });
    return out;
  },
});
