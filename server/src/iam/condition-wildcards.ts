import type { Fix } from '../language/finding';
import type { RegionCheck, Report } from '../language/check';
import { conditionsOf, valueText, type ResolvedCondition } from './conditions';
import { analyzerDocs, iamCheck } from './define';
import { parseOperator } from './operators';
import type { Policy } from './policy';

/**
 * What a string Like condition with a value of only `*` tests: `*` matches every
 * value, so only the key's presence is left. `present`/`absent`: the same as
 * Null false/true; `always`: matches every request; `never`: matches none.
 */
export type WildcardMeaning = 'present' | 'absent' | 'always' | 'never';

/** The meaning of a StringLike or StringNotLike entry with a `*` value, by qualifier, negation and IfExists (IAM's evaluation rules). */
export function wildcardMeaning(entry: ResolvedCondition): WildcardMeaning | undefined {
  const parsed = entry.parsed;
  if (!parsed || (parsed.base !== 'StringLike' && parsed.base !== 'StringNotLike')) return undefined;
  if (!entry.values.some((v) => /^\*+$/.test(valueText(v) ?? ''))) return undefined;
  const negated = parsed.base === 'StringNotLike';
  switch (parsed.qualifier) {
    case 'ForAllValues':
      // True when no request value fails the test: every value is like "*", and an absent key has none.
      return negated ? 'absent' : 'always';
    case 'ForAnyValue':
      // True when some request value passes: an absent key has none, IfExists then says true.
      if (negated) return parsed.ifExists ? 'absent' : 'never';
      return parsed.ifExists ? 'always' : 'present';
    default:
      if (negated) return 'absent';
      return parsed.ifExists ? 'always' : 'present';
  }
}

/** Rewrites an entry as `"Null": {key: value}` when it is its operator's only key and the statement has no Null operator to clash with. */
export function toNullFix(policy: Policy, entry: ResolvedCondition, value: 'true' | 'false'): Fix | undefined {
  const operators = entry.statement.elements.Condition?.value.children ?? [];
  const clash = operators.some((p) => p.children?.[0] !== entry.operatorKey && parseOperator(String(p.children?.[0]?.value))?.base === 'Null');
  if ((entry.block.children?.length ?? 0) !== 1 || clash) return undefined;
  return {
    title: `Change to "Null": {"${entry.name}": "${value}"}`,
    edits: [
      { ...policy.range(entry.operatorKey), newText: policy.literal('Null') },
      { ...policy.range(entry.value), newText: policy.literal(value) },
    ],
  };
}

/** A suggestion for the condition entries of one wildcard meaning; the finding sits on the key. */
export function wildcardConditionCheck(id: string, anchor: string, meaning: WildcardMeaning, title: string, report: (policy: Policy, entry: ResolvedCondition) => Report): RegionCheck {
  return iamCheck({
    id,
    severity: 'info',
    title,
    docs: analyzerDocs(anchor),
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      for (const entry of conditionsOf(policy)) if (wildcardMeaning(entry) === meaning) out.push(report(policy, entry));
      return out;
    },
  });
}
