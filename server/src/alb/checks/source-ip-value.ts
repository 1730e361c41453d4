import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { parseCidr } from '../../network/ip';
import { conditionsOf } from './walk';

/** Source IP values are IPv4 or IPv6 CIDR blocks; wildcards are not supported. */
export const sourceIpValue = defineCheck({
  id: 'alb.source-ip-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'A source-ip value is not a CIDR block.',
  docs: albDocs.sourceIpConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'source-ip') continue;
      for (const item of condition.values) {
        if (item.value === undefined) continue;
        const parsed = parseCidr(item.value);
        if ('error' in parsed) {
          const single = !item.value.includes('/') && !('error' in parseCidr(`${item.value}/${item.value.includes(':') ? 128 : 32}`));
          const fix = `${item.value}/${item.value.includes(':') ? 128 : 32}`;
          yield {
            range: item.range,
            message: `"${item.value}" is not a CIDR block: ${parsed.error}.`,
            ...(single ? { fixes: [{ title: `Change to "${fix}"`, edits: [{ ...item.range, newText: JSON.stringify(fix) }], preferred: true }] } : {}),
          };
        }
      }
    }
  },
});
