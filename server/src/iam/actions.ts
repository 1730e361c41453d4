import type { Node } from 'jsonc-parser';
import { memo } from './memo';
import type { Policy, Statement } from './policy';
import { holdsIntrinsic, strings } from './values';

/** One action string of an Action or NotAction element, split at its colon. */
export interface ActionString {
  readonly node: Node;
  readonly value: string;
  readonly service: string;
  readonly name: string;
  readonly element: 'Action' | 'NotAction';
}

/** Every `service:name` string in the policy's Action and NotAction elements (bare `*` and malformed ones excluded). */
export function actionStringsOf(policy: Policy): readonly ActionString[] {
  return memo(policy, 'actions', () => policy.statements.flatMap((s) => actionStringsOfStatement(s)));
}

const byStatement = new WeakMap<Statement, readonly ActionString[]>();

/** The statement's action strings, computed once per statement. */
export function actionStringsOfStatement(statement: Statement): readonly ActionString[] {
  let found = byStatement.get(statement);
  if (!found) {
    found = [...scanActions(statement)];
    byStatement.set(statement, found);
  }
  return found;
}

function* scanActions(statement: Statement): Iterable<ActionString> {
  for (const element of ['Action', 'NotAction'] as const) {
    const value = statement.elements[element]?.value;
    if (!value || holdsIntrinsic(value)) continue;
    for (const { node, value: text } of strings(value)) {
      const colon = text.indexOf(':');
      if (colon <= 0) continue;
      yield { node, value: text, service: text.slice(0, colon), name: text.slice(colon + 1), element };
    }
  }
}
