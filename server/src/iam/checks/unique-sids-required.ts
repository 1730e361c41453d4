import type { Report } from '../../language/check';
import type { Policy } from '../policy';
import { analyzerDocs, iamCheck } from '../define';

/** Resource-based policies, trust policies, SCPs and RCPs reject repeated Sids. */
export const uniqueSidsRequired = iamCheck({
  id: 'UNIQUE_SIDS_REQUIRED',
  severity: 'error',
  title: 'Two statements of a resource-based, trust, SCP or RCP policy share a Sid.',
  docs: analyzerDocs('error-unique-sids-required'),
  run: (policy) => (policy.type.type === 'identity' || policy.type.type === 'boundary' ? [] : repeatedSids(policy)),
});

/** Reports each Sid already used by an earlier statement. */
export function repeatedSids(policy: Policy): Report[] {
  const out: Report[] = [];
  const seen = new Set<string>();
  policy.statements.forEach((statement) => {
    const sid = statement.elements.Sid?.value;
    if (sid?.type !== 'string' || sid.value === '') return;
    const value = String(sid.value);
    if (seen.has(value)) out.push({ range: policy.range(sid), message: `Sid "${value}" is already used by an earlier statement; Sids must be unique.` });
    seen.add(value);
  });
  return out;
}
