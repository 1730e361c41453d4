import type { Node } from 'jsonc-parser';
import { elements, properties } from '../../json/tree';
import { defineCheck, type Report } from '../check';

/**
 * Duplicate keys in an AWS document: JSON parsers keep one of the values
 * (usually the last) without a word, so what is deployed is not what was read.
 */
export const jsonDuplicateKey = defineCheck({
  id: 'json.duplicate-key',
  scope: 'document',
  severity: 'error',
  title: 'An object has the same key twice; only one of the values takes effect.',
  docs: 'https://www.rfc-editor.org/rfc/rfc8259#section-4',
  *run({ document, classification }): Iterable<Report> {
    if (classification.regions.length === 0 || !document.root) return;
    yield* duplicatesIn(document.root);
  },
});

function* duplicatesIn(node: Node): Iterable<Report> {
  if (node.type === 'object') {
    const props = properties(node);
    const lastIndex = new Map<string, number>();
    props.forEach((p, i) => lastIndex.set(p.name, i));
    for (const [i, { key, name }] of props.entries()) {
      if (lastIndex.get(name) !== i) {
        yield {
          range: { offset: key.offset, length: key.length },
          message: `Duplicate key "${name}": this value is ignored and the later one is used.`,
        };
      }
    }
    for (const { value } of props) yield* duplicatesIn(value);
  } else if (node.type === 'array') {
    for (const element of elements(node)) yield* duplicatesIn(element);
  }
}
