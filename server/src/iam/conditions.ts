import type { Node } from 'jsonc-parser';
import { elements } from '../json/tree';
import { iamData, type ConditionKeyInfo } from './data/iam-data';
import { parseOperator, type ParsedOperator } from './operators';
import type { Policy, Statement } from './policy';
import { conditionEntries, isIntrinsic, type ConditionEntry } from './values';

/** A condition entry with its operator parsed and its key resolved against the reference data. */
export interface ResolvedCondition extends ConditionEntry {
  readonly statement: Statement;
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
  for (const statement of policy.statements) {
    for (const entry of conditionEntries(statement)) {
      const items = entry.value.type === 'array' ? elements(entry.value) : [entry.value];
      out.push({
        ...entry,
        statement,
        parsed: parseOperator(entry.operator),
        info: data.conditionKey(entry.name),
        values: items.filter((n) => !isIntrinsic(n)),
      });
    }
  }
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
