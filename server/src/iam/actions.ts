import type { Node } from 'jsonc-parser';
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
export function* actionStringsOf(policy: Policy): Iterable<ActionString> {
  for (const statement of policy.statements) yield* actionStringsOfStatement(statement);
}

export function* actionStringsOfStatement(statement: Statement): Iterable<ActionString> {
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
