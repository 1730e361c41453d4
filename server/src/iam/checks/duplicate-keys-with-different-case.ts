import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/** Condition key names ignore case, so two spellings in one operator block are the same key twice. */
export const duplicateKeysWithDifferentCase = iamCheck({
  id: 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE',
  severity: 'error',
  title: 'A condition block has the same key twice, spelt with different case.',
  docs: analyzerDocs('error-duplicate-keys-with-different-case'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const seen = new Map<string, string>();
    conditionsOf(policy).forEach((entry) => {
      const id = `${entry.block.offset}:${entry.lowerName}`;
      const first = seen.get(id);
      if (first !== undefined && first !== entry.name) {
        out.push({ range: policy.range(entry.key), message: `"${entry.name}" and "${first}" are the same key (names ignore case): merge their values under one key.` });
      }
      if (first === undefined) seen.set(id, entry.name);
    });
    return out;
  },
});
