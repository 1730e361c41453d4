import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** IAM (identity policies, boundaries, SCPs, RCPs) takes only ASCII letters and digits in a Sid; resource policies are laxer. */
export const unsupportedSid = iamCheck({
  id: 'UNSUPPORTED_SID',
  severity: 'error',
  title: 'A Sid has characters other than letters and digits.',
  docs: analyzerDocs('error-unsupported-sid'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type === 'resource' || policy.type.type === 'trust') return out;
    policy.statements.forEach((statement) => {
      const sid = statement.elements.Sid?.value;
      if (sid?.type !== 'string' || /^[A-Za-z0-9]*$/.test(String(sid.value))) return;
      const cleaned = String(sid.value).replace(/[^A-Za-z0-9]/g, '');
      const range = policy.range(sid);
      out.push({
        range,
        message: `Sid "${String(sid.value)}" may only contain letters (A-Z, a-z) and digits (0-9).`,
        ...(cleaned ? { fixes: [{ title: `Use "${cleaned}"`, edits: [{ ...range, newText: policy.literal(cleaned) }] }] } : {}),
      });
    });
    return out;
  },
});
