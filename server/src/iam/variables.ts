import type { Node } from 'jsonc-parser';
import { memo } from './memo';
import { conditionsOf, valueText } from './conditions';
import type { Policy } from './policy';

/** A `${...}` policy variable in a string, with its position in the string's value. */
export interface PolicyVariable {
  readonly node: Node;
  /** The variable's name (before any `, 'default'`), e.g. `aws:username`. */
  readonly name: string;
  /** The text between the braces as written, spaces and default included. */
  readonly text: string;
  readonly start: number;
  readonly length: number;
}

/**
 * The strings where IAM substitutes policy variables (Resource, NotResource
 * and condition values) that hold `${`: the only ones a variable check reads.
 */
export function variableHosts(policy: Policy): ReadonlyArray<{ node: Node; value: string }> {
  return memo(policy, 'variableHosts', () => {
    const out: Array<{ node: Node; value: string }> = [];
    policy.statements.forEach((statement) => {
      for (const resource of statement.resources) if (resource.value.includes('${')) out.push(resource);
    });
    conditionsOf(policy).forEach((entry) => {
      for (const node of entry.values) {
        const value = node.type === 'string' ? (valueText(node) ?? '') : '';
        if (value.includes('${')) out.push({ node, value });
      }
    });
    return out;
  });
}

/** Every variable of the policy's variable hosts, read once for the checks that judge them. */
export function variablesOf(policy: Policy): readonly PolicyVariable[] {
  return memo(policy, 'variables', () => {
    const out: PolicyVariable[] = [];
    variableHosts(policy).forEach(({ node, value }) => {
      for (const variable of variablesIn(node, value)) out.push(variable);
    });
    return out;
  });
}

/** Special characters written as variables: `${*}`, `${?}`, `${$}`. */
const specials = new Set(['*', '?', '$']);

const none: readonly PolicyVariable[] = [];

export function variablesIn(node: Node, value: string): readonly PolicyVariable[] {
  if (!value.includes('${')) return none;
  const out: PolicyVariable[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
    const inner = m[1] ?? '';
    if (specials.has(inner)) continue;
    const name = (inner.split(',')[0] ?? '').trim();
    out.push({ node, name, text: inner, start: m.index, length: m[0].length });
  }
  return out;
}

/** A variable's text split at its first comma: the name as written, and the default (`'x'`) when there is one. */
export function variableParts(text: string): { readonly name: string; readonly fallback: string | undefined } {
  const comma = text.indexOf(',');
  return comma < 0 ? { name: text, fallback: undefined } : { name: text.slice(0, comma), fallback: text.slice(comma + 1) };
}
