import type { Report } from '../../language/check';
import { removeItem } from '../edits';
import { holdsIntrinsic, strings } from '../values';
import { CoverIndex } from '../../wildcard/cover-index';
import { analyzerDocs, iamCheck } from '../define';

/** A resource already matched by another entry of the same element: `arn:aws:s3:::b/x` beside `arn:aws:s3:::b/*`. */
export const redundantResource = iamCheck({
  id: 'REDUNDANT_RESOURCE',
  severity: 'info',
  title: 'A resource is already covered by another resource of the same statement.',
  docs: analyzerDocs('suggestion-redundant-resource'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      for (const element of ['Resource', 'NotResource'] as const) {
        const value = statement.elements[element]?.value;
        if (value?.type !== 'array' || (value.children?.length ?? 0) < 2 || holdsIntrinsic(value)) continue;
        const list = strings(value);
        const covering = coverer(list);
        for (let i = 0; i < list.length; i++) {
          const resource = list[i] as (typeof list)[number];
          const by = covering(i);
          if (!by) continue;
          out.push({ range: policy.range(resource.node), message: `"${resource.value}" is already covered by "${by.value}".`, fixes: [removeItem(policy, resource.node, `Remove "${resource.value}"`)] });
        }
      }
    });
    return out;
  },
});

/**
 * For entry `i`, the first other entry that matches everything it does: an
 * earlier identical one, or a wildcard (only a wildcard can cover another
 * string). Identical entries by a map, wildcards by their index: no pair-wise scan.
 */
function coverer<T extends { value: string }>(list: readonly T[]): (i: number) => T | undefined {
  // A short list (most statements) finds an earlier identical entry by a scan: no map to build.
  const firstIndex = list.length > shortList ? new Map<string, number>() : undefined;
  const wildcards = new CoverIndex<T>(false);
  list.forEach((entry, index) => {
    if (firstIndex && !firstIndex.has(entry.value)) firstIndex.set(entry.value, index);
    wildcards.add(entry.value, index, entry);
  });
  return (i) => {
    const value = (list[i] as T).value;
    const same = firstIndex ? (firstIndex.get(value) ?? i) : firstEqual(list, i, value);
    const wildcard = wildcards.firstCovering(value, ({ index, item }) => index !== i && item.value !== value);
    const index = Math.min(same < i ? same : Infinity, wildcard?.index ?? Infinity);
    return Number.isFinite(index) ? list[index] : undefined;
  };
}

const shortList = 8;

/** The index of the first entry before `i` with this value, or `i`. */
function firstEqual(list: readonly { value: string }[], i: number, value: string): number {
  for (let j = 0; j < i; j++) if ((list[j] as { value: string }).value === value) return j;
  return i;
}
