import { parseOperator } from './operators';
import type { Statement } from './policy';

/**
 * True when the statement's Condition limits `key` (lower case, e.g.
 * `iam:passedtoservice`) to listed values with a positive string operator:
 * StringEquals, StringLike, their IgnoreCase and IfExists forms
 * (`StringEqualsIfExists iam:PassedToService` is in AWS's own policies).
 * A negated operator (StringNotEquals) only excludes services, so it limits nothing.
 */
export function limitsKey(statement: Statement, key: string): boolean {
  const condition = statement.elements.Condition?.value;
  for (const operator of condition?.children ?? []) {
    const [name, block] = operator.children ?? [];
    const parsed = parseOperator(String(name?.value));
    if (parsed?.family !== 'String' || parsed.base.includes('Not')) continue;
    for (const entry of block?.children ?? []) if (String(entry.children?.[0]?.value).toLowerCase() === key) return true;
  }
  return false;
}

/** The guard on iam:PassRole: which services the role may be passed to. */
export function limitsPassedToService(statement: Statement): boolean {
  return limitsKey(statement, 'iam:passedtoservice');
}

/** The guard on iam:CreateServiceLinkedRole: which services' linked roles may be created. */
export function limitsServiceName(statement: Statement): boolean {
  return limitsKey(statement, 'iam:awsservicename');
}
