// How checks word things: lists, sentence starts and rule names read the same in every message.
import { priorityOf, type RuleModel } from '../model/types';

/** `a`, `a or b`, `a, b or c`. */
export function either(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a rule is named in a sentence: its label, and its priority when the label is a logical id. */
export function named(rule: RuleModel): string {
  const priority = priorityOf(rule);
  return rule.logicalId !== undefined && priority !== undefined ? `${rule.label} (priority ${priority})` : rule.label;
}
