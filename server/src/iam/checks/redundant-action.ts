import { actionStringsOfStatement, type ActionString } from '../actions';
import { removeItem } from '../edits';
import { covers, hasWildcard } from '../wildcard';
import { analyzerDocs, iamCheck } from '../define';

/** An action already matched by another entry of the same element (a wildcard, or the same action twice). */
export const redundantAction = iamCheck({
  id: 'REDUNDANT_ACTION',
  severity: 'info',
  title: 'An action is already covered by another action of the same statement.',
  docs: analyzerDocs('suggestion-redundant-action'),
  *run(policy) {
    for (const statement of policy.statements) {
      for (const element of ['Action', 'NotAction'] as const) {
        if ((statement.elements[element]?.value.children?.length ?? 0) < 2) continue;
        const list = actionStringsOfStatement(statement).filter((a) => a.element === element);
        const bare = (statement.elements[element]?.value.children ?? []).some((n) => n.value === '*');
        const wildcards = wildcardsByService(list);
        const seen = new Set<string>();
        for (const action of list) {
          const lower = action.value.toLowerCase();
          const repeated = seen.has(lower);
          seen.add(lower);
          const by = bare ? '*' : (wildcards.get(action.service.toLowerCase()) ?? []).find((w) => w !== action && w.value.toLowerCase() !== lower && covers(w.value, action.value, true))?.value;
          if ((by === undefined && !repeated) || action.node.parent?.type !== 'array') continue;
          const message = by === undefined ? `"${action.value}" is listed twice.` : `"${action.value}" is already covered by "${by}".`;
          yield { range: policy.range(action.node), message, fixes: [removeItem(policy, action.node, `Remove "${action.value}"`)] };
        }
      }
    }
  },
});

/** The wildcard entries by service prefix: only those can cover another action of the same service. */
function wildcardsByService(list: readonly ActionString[]): Map<string, ActionString[]> {
  const out = new Map<string, ActionString[]>();
  for (const action of list) {
    if (!hasWildcard(action.name)) continue;
    const key = action.service.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), action]);
  }
  return out;
}
