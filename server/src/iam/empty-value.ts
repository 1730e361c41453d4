import type { RegionCheck, Report } from '../language/check';
import { analyzerDocs, iamCheck } from './define';
import { removeProperty } from './edits';
import { memo } from './memo';
import type { Element, Policy, StatementElement } from './policy';
import { conditionsOf } from './conditions';

/** The elements an empty-element check looks at (Sid and Effect are strings). */
const emptiable: readonly StatementElement[] = ['Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'];

/** The statement elements left as `[]` or `{}`, found in one pass for all the empty-element checks. */
function emptyElements(policy: Policy): readonly Element[] {
  return memo(policy, 'emptyElements', () => {
    const out: Element[] = [];
    policy.statements.forEach((statement) => {
      for (const name of emptiable) {
        const el = statement.elements[name];
        if (el && (el.value.type === 'array' || el.value.type === 'object') && (el.value.children?.length ?? 0) === 0) out.push(el);
      }
    });
    return out;
  });
}

/** A suggestion for an element left as `[]` or `{}`: it has no effect, or not the one intended. */
export function emptyElementCheck(id: string, anchor: string, element: StatementElement, kind: 'array' | 'object'): RegionCheck {
  const shown = kind === 'array' ? '[]' : '{}';
  return iamCheck({
    id,
    severity: 'info',
    title: `A statement's ${element} is an empty ${kind}.`,
    docs: analyzerDocs(anchor),
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      const report = (el: Element): Report => ({
        range: policy.range(el.value),
        message: `${String(el.key.value)} is ${shown}: it matches nothing. Add values or remove the element.`,
        fixes: [removeProperty(policy, el.key, `Remove the empty ${String(el.key.value)}`)],
      });
      for (const el of emptyElements(policy)) {
        const name = el.key.value;
        if ((name === element || name === `Not${element}`) && el.value.type === kind) out.push(report(el));
      }
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
    perStatement: true,
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
