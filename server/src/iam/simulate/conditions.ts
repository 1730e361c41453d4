import type { Node } from 'jsonc-parser';
import { parseOperator, type ParsedOperator } from '../operators';
import { compare, positiveForm } from './compare';
import type { RequestContext } from './request';
import { substitute } from './variables';

/** One key of one operator block, as it was judged. */
export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  /** The policy's values as written. */
  readonly values: readonly string[];
  /** The request's values for the key; undefined when the request lacks it. */
  readonly seen: readonly string[] | undefined;
  readonly matched: boolean;
  readonly reason: string;
  /** The key's node range in the policy's text. */
  readonly node: Node;
}

/** Every key of a Condition element judged; the statement's condition holds when all do. */
export function evaluateConditions(condition: Node | undefined, context: RequestContext, missing: Set<string>): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  if (condition === undefined) return traces;
  // A malformed Condition (AWS refuses the policy) must not let the statement apply: it is judged unmet.
  const unmet = (node: Node, operator: string, reason: string) => traces.push({ operator, key: '', values: [], seen: undefined, matched: false, reason, node });
  if (condition.type !== 'object') {
    unmet(condition, '', 'Condition is not an object of operators');
    return traces;
  }
  for (const operatorProperty of condition.children ?? []) {
    const [operatorKey, block] = operatorProperty.children ?? [];
    if (!operatorKey || !block) continue;
    const operator = String(operatorKey.value);
    const parsed = parseOperator(operator);
    if (block.type !== 'object') unmet(operatorKey, operator, `${operator} holds no object of condition keys`);
    for (const keyProperty of block.type === 'object' ? (block.children ?? []) : []) {
      const [key, value] = keyProperty.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      const values = scalars(value);
      const seen = context.get(name.toLowerCase());
      const judged = parsed ? judge(parsed, values, seen, context, missing, name) : { matched: false, reason: `"${operator}" is not a condition operator IAM knows` };
      traces.push({ operator, key: name, values, seen, node: key, ...judged });
    }
  }
  return traces;
}

/** A value or array of values as strings (numbers and booleans as JSON writes them). */
export function scalars(node: Node): string[] {
  const items = node.type === 'array' ? (node.children ?? []) : [node];
  return items.filter((n) => n.type === 'string' || n.type === 'number' || n.type === 'boolean').map((n) => String(n.value));
}

function judge(parsed: ParsedOperator, values: readonly string[], seen: readonly string[] | undefined, context: RequestContext, missing: Set<string>, key: string): { matched: boolean; reason: string } {
  const present = seen !== undefined && seen.length > 0;
  if (parsed.base === 'Null') {
    // Null "true" asks for the key to be absent, "false" for it to be there.
    const matched = values.some((v) => (v.toLowerCase() === 'true') === !present);
    return { matched, reason: present ? 'the key is in the request' : 'the key is not in the request' };
  }
  const { operator, negated } = positiveForm(parsed.base);
  if (!present) {
    missing.add(key);
    const matched = parsed.ifExists || parsed.qualifier === 'ForAllValues' || (parsed.qualifier === undefined && negated);
    const why = parsed.ifExists ? '…IfExists holds without it' : parsed.qualifier === 'ForAllValues' ? 'ForAllValues holds for no values' : negated && !parsed.qualifier ? 'a negated operator holds without it' : 'the operator needs it';
    return { matched, reason: `the request lacks the key; ${why}` };
  }
  const reasons: string[] = [];
  const filled = values.flatMap((v) => {
    // Variables are filled in string and ARN values only; other operators compare the text as written.
    const result = parsed.family === 'String' || parsed.family === 'Arn' ? substitute(v, context) : { ok: true as const, text: v, parts: [] };
    if (result.ok) return [result];
    if (result.missing) missing.add(result.missing);
    reasons.push(result.reason);
    return [];
  });
  const hit = (requestValue: string) => filled.some((p) => compare(operator, requestValue, p));
  let matched: boolean;
  switch (parsed.qualifier) {
    case 'ForAllValues':
      matched = seen.every((v) => hit(v) !== negated);
      break;
    case 'ForAnyValue':
      matched = seen.some((v) => hit(v) !== negated);
      break;
    case undefined:
      matched = seen.some(hit) !== negated;
      break;
    default: {
      const unknown: never = parsed.qualifier;
      throw new Error(`unhandled qualifier ${String(unknown)}`);
    }
  }
  const quoted = seen.map((v) => JSON.stringify(v)).join(', ');
  return { matched, reason: [`saw ${quoted}`, ...reasons].join('; ') };
}

