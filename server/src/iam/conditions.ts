import type { Node } from 'jsonc-parser';
import { elements } from '../document/tree';
import { iamData, type ConditionKeyInfo } from './data/iam-data';
import { parseOperator, type ParsedOperator } from './operators';
import type { Policy, Statement } from './policy';
import { isIntrinsic, type ConditionEntry } from './values';

/** A condition entry with its operator parsed and its key resolved against the reference data. */
export interface ResolvedCondition extends ConditionEntry {
  readonly statement: Statement;
  /** The key in lower case, as IAM compares keys: computed once, not in every check. */
  readonly lowerName: string;
  readonly parsed: ParsedOperator | undefined;
  readonly info: ConditionKeyInfo | undefined;
  /** The value nodes (one for a scalar, the items of an array), intrinsics excluded. */
  readonly values: readonly Node[];
}

/** Every condition entry of the policy, resolved once per policy. */
export function conditionsOf(policy: Policy): readonly ResolvedCondition[] {
  const cached = cache.get(policy);
  if (cached) return cached;
  const data = iamData();
  const out: ResolvedCondition[] = [];
  policy.statements.forEach((statement) => {
    const condition = statement.elements.Condition?.value;
    if (condition?.type !== 'object') return;
    for (const operatorProperty of condition.children ?? []) {
      const [operatorKey, block] = operatorProperty.children ?? [];
      if (!operatorKey || !block || block.type !== 'object') continue;
      const operator = String(operatorKey.value);
      const parsed = parseOperator(operator);
      for (const keyProperty of block.children ?? []) {
        const [key, value] = keyProperty.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        const values = value.type === 'array' ? elements(value).filter((n) => !isIntrinsic(n)) : isIntrinsic(value) ? [] : [value];
        out.push({ operatorKey, operator, block, key, name, lowerName: name.toLowerCase(), value, statement, parsed, info: data.conditionKey(name), values });
      }
    }
  });
  cache.set(policy, out);
  return out;
}

const cache = new WeakMap<Policy, readonly ResolvedCondition[]>();

/** A value as a string (booleans and numbers as JSON writes them). */
export function valueText(node: Node): string | undefined {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' ? String(node.value) : undefined;
}

/** True when a value holds a policy variable, which only the request fills in. */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}

/**
 * True when an operator can match a request without the key: IfExists forms,
 * ForAllValues, and the negated operators (StringNotEquals, NotIpAddress...).
 * Every other operator requires the key to be present.
 */
export function matchesAbsentKey(parsed: ParsedOperator): boolean {
  return parsed.ifExists || parsed.qualifier === 'ForAllValues' || parsed.base.includes('Not') || parsed.base === 'Null';
}
