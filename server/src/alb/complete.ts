import type { Node } from 'jsonc-parser';
import type { CursorContext } from '../language/domain';
import type { CompletionProposal } from '../language/finding';
import { fieldHovers, typeHovers } from './hover-text';
import { rangeOf } from './model/located';
import { actionTypes, conditionFields, transformTypes } from './model/types';

/** The value lists ALB takes, by property (and by the object holding it where the name is shared). */
const choices: ReadonlyArray<{ readonly key: string; readonly within?: readonly string[]; readonly values: readonly string[] }> = [
  { key: 'Field', values: conditionFields },
  { key: 'Type', within: ['Transforms'], values: transformTypes },
  { key: 'Type', within: ['Actions', 'DefaultActions'], values: actionTypes },
  { key: 'StatusCode', within: ['RedirectConfig'], values: ['HTTP_301', 'HTTP_302'] },
  { key: 'Protocol', within: ['RedirectConfig'], values: ['HTTPS', 'HTTP', '#{protocol}'] },
  { key: 'ContentType', within: ['FixedResponseConfig'], values: ['text/plain', 'text/html', 'application/json', 'text/css', 'application/javascript'] },
];

/** The name of the property whose value `node` is. */
function propertyName(node: Node): string | undefined {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return typeof key?.value === 'string' && node.parent?.children?.[1] === node ? key.value : undefined;
}

/** The property that holds the object (or the array of objects) around `node`'s property. */
function holderName(node: Node): string | undefined {
  let at = node.parent?.parent;
  if (at?.parent?.type === 'array') at = at.parent;
  return at ? propertyName(at) : undefined;
}

/** Proposes ALB's values for the string under the cursor: fields, action and transform types, status codes... */
export function albComplete(context: CursorContext): readonly CompletionProposal[] {
  const node = context.node;
  if (node?.type !== 'string') return [];
  const key = propertyName(node);
  if (key === undefined) return [];
  const holder = holderName(node);
  const choice = choices.find((c) => c.key === key && (!c.within || (holder !== undefined && c.within.includes(holder))));
  if (!choice) return [];
  return choice.values.map((value, i) => {
    const doc = fieldHovers[value] ?? typeHovers[value];
    return {
      label: value,
      kind: 'value',
      ...(doc ? { detail: doc.title, documentation: `${doc.text}\n\n[AWS documentation](${doc.docs})` } : {}),
      edit: { ...rangeOf(node), newText: JSON.stringify(value) },
      sortText: String(i).padStart(2, '0'),
    };
  });
}
