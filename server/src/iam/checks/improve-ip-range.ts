import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';
import { formatCidr } from '../../network/ip';
import { parseIpRange } from '../ip-ranges';

/** "203.0.113.7/24" means 203.0.113.0/24: IAM ignores the bits after the prefix, so the written address misleads. */
export const improveIpRange = iamCheck({
  id: 'IMPROVE_IP_RANGE',
  severity: 'info',
  title: 'An IP range has bits set after its prefix length, which IAM ignores.',
  docs: analyzerDocs('suggestion-improve-ip-range'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (entry.parsed?.family !== 'IpAddress') return;
      for (const value of entry.values) {
        const text = valueText(value) ?? '';
        const range = text.includes('/') ? parseIpRange(text) : undefined;
        if (!range || range.address === range.start) continue;
        const network = formatCidr(range);
        out.push({
          range: policy.range(value),
          message: `The bits after /${range.prefix} are ignored: "${text}" means "${network}". Write "${network}".`,
          fixes: [{ title: `Change to "${network}"`, edits: [{ ...policy.range(value), newText: policy.literal(network) }], preferred: true }],
        });
      }
    });
    return out;
  },
});
