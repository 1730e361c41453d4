import type { Policy } from './policy-model';

const memos = new WeakMap<Policy, Map<string, unknown>>();

/** Computes a value derived from a policy once per analysis, however many checks ask for it. */
export function memo<T>(policy: Policy, key: string, compute: () => T): T {
  let table = memos.get(policy);
  if (!table) {
    table = new Map();
    memos.set(policy, table);
  }
  if (table.has(key)) return table.get(key) as T;
  const value = compute();
  table.set(key, value);
  return value;
}
