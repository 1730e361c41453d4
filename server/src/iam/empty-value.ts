import type { RegionCheck, Report } from '../language/check';
import { analyzerDocs, iamCheck } from './define';
import { removeProperty } from './edits';
import type { Element, StatementElement } from './policy';
import { conditionsOf } from './conditions';

/** A suggestion for an element left as `[]` or `{}`: it has no effect, or not the one intended. */
export function emptyElementCheck(id: string, anchor: string, element: StatementElement, kind: 'array' | 'object'): RegionCheck {
  const shown = kind === 'array' ? '[]' : '{}';
  return iamCheck({
    id,
    severity: 'info',
    title: `A statement's ${element} is an empty ${kind}.`,
    docs: analyzerDocs(anchor),
    run(policy): Report[] {
      const out: Report[] = [];
      const not = `Not${element}` as StatementElement;
      const report = (el: Element): Report => ({
        range: policy.range(el.value),
        message: `${String(el.key.value)} is ${shown}: it matches nothing. Add values or remove the element.`,
        fixes: [removeProperty(policy, el.key, `Remove the empty ${String(el.key.value)}`)],
      });
      const empty = (el: Element | undefined): el is Element => el?.value.type === kind && (el.value.children?.length ?? 0) === 0;
      policy.statements.forEach((statement) => {
        const plain = statement.elements[element];
        const negated = statement.elements[not];
        if (empty(plain)) out.push(report(plain));
        if (empty(negated)) out.push(report(negated));
      });
      return out;
    },
  });
}

/** Which of Access Analyzer's empty-array suggestions an operator falls under: by qualifier first, then IfExists. */
export type EmptyConditionVariant = 'plain' | 'ForAllValues' | 'ForAnyValue' | 'IfExists';

const variants: Readonly<Record<EmptyConditionVariant, { id: string; anchor: string; title: string; meaning: (key: string, operator: string) => string }>> = {
  plain: {
    id: 'EMPTY_ARRAY_CONDITION',
    anchor: 'suggestion-empty-array-condition',
    title: 'A condition key is given an empty array of values.',
    meaning: (key, operator) => `${key} has no values under ${operator}: the condition cannot match as intended. Add values or remove the key.`,
  },
  ForAllValues: {
    id: 'EMPTY_ARRAY_CONDITION_FORALLVALUES',
    anchor: 'suggestion-empty-array-condition-forallvalues',
    title: 'A ForAllValues condition key is given an empty array of values.',
    meaning: (key, operator) => `${operator} with no values matches only when ${key} is absent: write "Null": {"${key}": "true"}, or add values.`,
  },
  ForAnyValue: {
    id: 'EMPTY_ARRAY_CONDITION_FORANYVALUE',
    anchor: 'suggestion-empty-array-condition-foranyvalue',
    title: 'A ForAnyValue condition key is given an empty array of values.',
    meaning: (key, operator) => `${operator} with no values for ${key} never matches: this statement never applies. Add values or remove the key.`,
  },
  IfExists: {
    id: 'EMPTY_ARRAY_CONDITION_IFEXISTS',
    anchor: 'suggestion-empty-array-condition-ifexists',
    title: 'An IfExists condition key is given an empty array of values.',
    meaning: (key, operator) => `${operator} with no values matches only when ${key} is absent: write "Null": {"${key}": "true"}, or add values.`,
  },
};

/** A suggestion for a condition key given `[]`: the condition then depends only on the key's absence, or never holds. */
export function emptyConditionArrayCheck(variant: EmptyConditionVariant): RegionCheck {
  const { id, anchor, title, meaning } = variants[variant];
  return iamCheck({
    id,
    severity: 'info',
    title,
    docs: analyzerDocs(anchor),
    run(policy): Report[] {
      const out: Report[] = [];
      conditionsOf(policy).forEach((entry) => {
        if (entry.value.type !== 'array' || (entry.value.children ?? []).length > 0 || !entry.parsed) return;
        const of: EmptyConditionVariant = entry.parsed.qualifier ?? (entry.parsed.ifExists ? 'IfExists' : 'plain');
        if (of !== variant) return;
        out.push({ range: policy.range(entry.value), message: meaning(entry.name, entry.operator), fixes: [removeProperty(policy, entry.key, `Remove ${entry.name}`)] });
      });
      return out;
    },
  });
}
