import type { Node } from 'jsonc-parser';
import { memo } from './memo';
import type { ActionString, Policy, Statement } from './policy-model';

export type { ActionString } from './policy-model';
import { findString, holdsIntrinsic } from './values';
import { covers, hasWildcard } from './wildcard';

/** Every `service:name` string in the policy's Action and NotAction elements (bare `*` and malformed ones excluded). */
export function actionStringsOf(policy: Policy): readonly ActionString[] {
  return memo(policy, 'actions', () => {
    const out: ActionString[] = [];
    policy.statements.forEach((statement) => {
      for (const action of statement.actions) out.push(action);
    });
    return out;
  });
}

/** The statement's action strings. */
export function actionStringsOfStatement(statement: Statement): readonly ActionString[] {
  return statement.actions;
}

/** True when an Action (not NotAction) string may name an IAM action: its service is iam, or a wildcard. */
export function mayNameIam(action: ActionString): boolean {
  const service = action.service;
  return action.element === 'Action' && ((service.length === 3 && service.toLowerCase() === 'iam') || service.includes('*') || service.includes('?'));
}

/** Reads the action strings of a statement's elements (called once, when the policy is built). */
export function scanActions(elements: Statement['elements'], bare: Node[]): ActionString[] {
  const out: ActionString[] = [];
  for (const element of actionElements) {
    const value = elements[element]?.value;
    if (!value || holdsIntrinsic(value)) continue;
    if (value.type === 'array') for (const node of value.children ?? []) scanAction(out, bare, node, element);
    else scanAction(out, bare, value, element);
  }
  return out;
}

const actionElements = ['Action', 'NotAction'] as const;

/** Sorts one string: `service:name` to the action strings, a string with no colon (other than "*") to the bare ones. */
function scanAction(out: ActionString[], bare: Node[], node: Node, element: ActionString['element']): void {
  const text = node.value;
  if (node.type !== 'string' || typeof text !== 'string') return;
  const colon = text.indexOf(':');
  if (colon < 0 && text !== '*') bare.push(node);
  if (colon <= 0) return;
  out.push({ node, value: text, service: text.slice(0, colon), name: text.slice(colon + 1), element, hasVariable: text.includes('${') });
}

/**
 * The statement's Action strings with a wildcard that cover `action`
 * ("*", "iam:*", "iam:Pass*" for iam:PassRole), bare "*" included.
 */
export function wildcardsCovering(statement: Statement, action: string): Node[] {
  const out: Node[] = [];
  const value = statement.elements.Action?.value;
  if (!value || holdsIntrinsic(value)) return out;
  for (const node of value.type === 'array' ? (value.children ?? []) : [value]) {
    const text = node.value;
    if (node.type === 'string' && typeof text === 'string' && hasWildcard(text) && covers(text, action, true)) out.push(node);
  }
  return out;
}

/** True when an Action string of the statement may name an IAM action: an iam or wildcard service, or a bare "*" (no list is built). */
export function mayCoverIam(statement: Statement): boolean {
  return statement.actions.some(mayNameIam) || findString(statement.elements.Action?.value, '*') !== undefined;
}
