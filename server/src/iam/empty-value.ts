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
    *run(policy) {
      const not = `Not${element}` as StatementElement;
      const report = (el: Element): Report => ({
        range: policy.range(el.value),
        message: `${String(el.key.value)} is ${shown}: it matches nothing. Add values or remove the element.`,
        fixes: [removeProperty(policy, el.key, `Remove the empty ${String(el.key.value)}`)],
      });
      const empty = (el: Element | undefined): el is Element => el?.value.type === kind && (el.value.children?.length ?? 0) === 0;
      for (const statement of policy.statements) {
        const plain = statement.elements[element];
        const negated = statement.elements[not];
        if (empty(plain)) yield report(plain);
        if (empty(negated)) yield report(negated);
      }
    },
  });
}

/** A suggestion for a condition key given `[]`: the condition then depends only on the key's absence. */
export function emptyConditionArrayCheck(): RegionCheck {
  return iamCheck({
    id: 'EMPTY_ARRAY_CONDITION',
    severity: 'info',
    title: 'A condition key is given an empty array of values.',
    docs: analyzerDocs('suggestion-empty-array-condition'),
    *run(policy) {
      for (const entry of conditionsOf(policy)) {
        if (entry.value.type !== 'array' || (entry.value.children ?? []).length > 0) continue;
        yield { range: policy.range(entry.value), message: `${entry.name} has no values under ${entry.operator}: the condition cannot match as intended. Add values or remove the key.`, fixes: [removeProperty(policy, entry.key, `Remove ${entry.name}`)] };
      }
    },
  });
}
