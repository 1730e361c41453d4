import type { Node } from 'jsonc-parser';
import { elements } from '../document/tree';
import type { Statement } from './policy-model';

/**
 * A CloudFormation intrinsic function (`{"Ref": ...}`, `{"Fn::Sub": ...}`,
 * `{"Fn::If": ...}`...): its value is only known at deploy time, so no check
 * may judge its type or content.
 */
export function isIntrinsic(node: Node | undefined): boolean {
  if (node?.type !== 'object' || node.children?.length !== 1) return false;
  const name = node.children[0]?.children?.[0]?.value;
  return typeof name === 'string' && (name === 'Ref' || name.startsWith('Fn::') || name === 'Condition');
}

/** The string nodes of a value that is a string or an array of strings (other items are skipped). */
function stringNodes(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'string') return [node];
  return elements(node).filter((e) => e.type === 'string');
}

/** A value's string nodes and their texts. */
export function strings(node: Node | undefined): Array<{ node: Node; value: string }> {
  return stringNodes(node).map((n) => ({ node: n, value: String(n.value) }));
}

/** The first string node of a value (a string or an array of strings) equal to `text`; no list is built. */
export function findString(node: Node | undefined, text: string): Node | undefined {
  if (node?.type === 'string') return node.value === text ? node : undefined;
  if (node?.type === 'array') for (const child of node.children ?? []) if (child.type === 'string' && child.value === text) return child;
  return undefined;
}

/** True when a value holds an intrinsic anywhere at its top level (itself or an array item). */
export function holdsIntrinsic(node: Node | undefined): boolean {
  if (node?.type === 'array') return (node.children ?? []).some((child) => child.type === 'object' && isIntrinsic(child));
  return isIntrinsic(node);
}

/** One `operator: { key: values }` entry of a statement's Condition. */
export interface ConditionEntry {
  readonly operatorKey: Node;
  readonly operator: string;
  /** The operator's object (`{ key: values }`). */
  readonly block: Node;
  readonly key: Node;
  readonly name: string;
  readonly value: Node;
}

/** The statement's actions (its Action element's strings), or undefined when it has none or uses an intrinsic. */
export function actionStrings(statement: Statement): string[] | undefined {
  const action = statement.elements.Action?.value;
  if (!action || holdsIntrinsic(action)) return undefined;
  return strings(action).map((s) => s.value);
}

/** The statement's resources (its Resource element's strings), or undefined when it has none or uses an intrinsic. */
export function resourceStrings(statement: Statement): string[] | undefined {
  const resource = statement.elements.Resource?.value;
  if (!resource || holdsIntrinsic(resource)) return undefined;
  return statement.resources.filter((r) => r.element === 'Resource').map((r) => r.value);
}

export function effectOf(statement: Statement): string | undefined {
  return statement.effect;
}
