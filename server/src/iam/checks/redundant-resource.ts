import type { Report } from '../../language/check';
import { removeItem } from '../edits';
import { holdsIntrinsic, strings } from '../values';
import { covers, hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/** A resource already matched by another entry of the same element: `arn:aws:s3:::b/x` beside `arn:aws:s3:::b/*`. */
export const redundantResource = iamCheck({
  id: 'REDUNDANT_RESOURCE',
  severity: 'info',
  title: 'A resource is already covered by another resource of the same statement.',
  docs: analyzerDocs('suggestion-redundant-resource'),
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      for (const element of ['Resource', 'NotResource'] as const) {
        const value = statement.elements[element]?.value;
        if (value?.type !== 'array' || (value.children?.length ?? 0) < 2 || holdsIntrinsic(value)) continue;
        const list = strings(value);
        for (let i = 0; i < list.length; i++) {
          const resource = list[i] as (typeof list)[number];
          const by = coveredBy(list, i);
          if (!by) continue;
          out.push({ range: policy.range(resource.node), message: `"${resource.value}" is already covered by "${by.value}".`, fixes: [removeItem(policy, resource.node, `Remove "${resource.value}"`)] });
        }
      }
    });
    return out;
  },
});

/** The other entry that matches everything entry `i` does: an earlier identical one, or a wildcard (only a wildcard can cover another string). */
function coveredBy<T extends { value: string }>(list: readonly T[], i: number): T | undefined {
  const value = (list[i] as T).value;
  for (let j = 0; j < list.length; j++) {
    const other = list[j] as T;
    if (j === i) continue;
    if (other.value === value ? j < i : hasWildcard(other.value) && covers(other.value, value, false)) return other;
  }
  return undefined;
}
