import type { Report } from '../../language/check';
import { actionStringsOfStatement, type ActionString } from '../actions';
import { removeItem } from '../edits';
import { findString } from '../values';
import { hasWildcard } from '../wildcard';
import { CoverIndex } from '../../wildcard/cover-index';
import { analyzerDocs, iamCheck } from '../define';

/** An action already matched by another entry of the same element (a wildcard, or the same action twice). */
export const redundantAction = iamCheck({
  id: 'REDUNDANT_ACTION',
  severity: 'info',
  title: 'An action is already covered by another action of the same statement.',
  docs: analyzerDocs('suggestion-redundant-action'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      for (const element of actionElements) {
        if ((statement.elements[element]?.value.children?.length ?? 0) < 2) continue;
        const list = stringsOf(actionStringsOfStatement(statement), element);
        const bare = findString(statement.elements[element]?.value, '*') !== undefined;
        // Most lists name distinct actions and no wildcard: then nothing is built or lower-cased for them.
        const wildcards = list.some(hasWildcardName) ? wildcardsByService(list) : undefined;
        const seen = list.length > 8 ? new Set<string>() : undefined;
        for (let i = 0; i < list.length; i++) {
          const action = list[i] as ActionString;
          const repeated = seen ? seen.has(action.value.toLowerCase()) : repeatedBefore(list, i, action.value);
          seen?.add(action.value.toLowerCase());
          const by = bare ? '*' : wildcards ? coveringWildcard(wildcards, action) : undefined;
          if ((by === undefined && !repeated) || action.node.parent?.type !== 'array') continue;
          const message = by === undefined ? `"${action.value}" is listed twice.` : `"${action.value}" is already covered by "${by}".`;
          out.push({ range: policy.range(action.node), message, fixes: [removeItem(policy, action.node, `Remove "${action.value}"`)] });
        }
      }
    });
    return out;
  },
});

const actionElements = ['Action', 'NotAction'] as const;

/** The statement's strings of one element: the statement's own list when it has only that element (no copy). */
function stringsOf(all: readonly ActionString[], element: ActionString['element']): readonly ActionString[] {
  for (const action of all) if (action.element !== element) return all.filter((a) => a.element === element);
  return all;
}

function hasWildcardName(action: ActionString): boolean {
  return hasWildcard(action.name);
}

/** True when an action before index `i` is the same, ignoring case (short lists: no set to build, and only same-length names lower-cased). */
function repeatedBefore(list: readonly ActionString[], i: number, value: string): boolean {
  for (let j = 0; j < i; j++) {
    const other = (list[j] as ActionString).value;
    if (other.length === value.length && (other === value || other.toLowerCase() === value.toLowerCase())) return true;
  }
  return false;
}

/** The wildcard of the same service, other than the action itself, that matches every action it matches (the first listed). */
function coveringWildcard(wildcards: ReadonlyMap<string, CoverIndex<ActionString>>, action: ActionString): string | undefined {
  const lower = action.value.toLowerCase();
  return wildcards.get(action.service.toLowerCase())?.firstCovering(action.value, ({ item }) => item !== action && item.value.toLowerCase() !== lower)?.item.value;
}

/** The wildcard entries by service prefix (only those can cover another action of the same service), indexed for lookup. */
function wildcardsByService(list: readonly ActionString[]): Map<string, CoverIndex<ActionString>> {
  const out = new Map<string, CoverIndex<ActionString>>();
  list.forEach((action, index) => {
    if (!hasWildcard(action.name)) return;
    const key = action.service.toLowerCase();
    let wildcards = out.get(key);
    if (!wildcards) out.set(key, (wildcards = new CoverIndex(true)));
    wildcards.add(action.value, index, action);
  });
  return out;
}
