import type { Report } from '../../language/check';
import { removeItem } from '../edits';
import { holdsIntrinsic, strings } from '../values';
import { covers } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/** A resource already matched by another entry of the same element: `arn:aws:s3:::b/x` beside `arn:aws:s3:::b/*`. */
export const redundantResource = iamCheck({
  id: 'REDUNDANT_RESOURCE',
  severity: 'info',
  title: 'A resource is already covered by another resource of the same statement.',
  docs: analyzerDocs('suggestion-redundant-resource'),
  run(policy): Report[] {
    const out: Report[] = [];
    for (const statement of policy.statements) {
      for (const element of ['Resource', 'NotResource'] as const) {
        const value = statement.elements[element]?.value;
        if (value?.type !== 'array' || (value.children?.length ?? 0) < 2 || holdsIntrinsic(value)) continue;
        const list = strings(value);
        for (const [i, resource] of list.entries()) {
          const by = list.find((other, j) => j !== i && (other.value === resource.value ? j < i : covers(other.value, resource.value, false)));
          if (!by) continue;
          out.push({ range: policy.range(resource.node), message: `"${resource.value}" is already covered by "${by.value}".`, fixes: [removeItem(policy, resource.node, `Remove "${resource.value}"`)] });
        }
      }
    }
    return out;
  },
});
