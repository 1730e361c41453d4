import type { Node } from 'jsonc-parser';
import { defineDocumentCheck, type Report } from '../check';

/**
 * Duplicate keys in an AWS document: JSON parsers keep one of the values
 * (usually the last) without a word, so what is deployed is not what was read.
 */
export const jsonDuplicateKey = defineDocumentCheck({
  id: 'json.duplicate-key',
  scope: 'document',
  severity: 'error',
  title: 'An object has the same key twice; only one of the values takes effect.',
  docs: 'https://www.rfc-editor.org/rfc/rfc8259#section-4',
  run({ document, classification }): Iterable<Report> {
    const reports: Report[] = [];
    if (classification.regions.length > 0 && document.root) collectDuplicates(document.root, reports);
    return reports;
  },
});

/** Objects with more keys than this use a map to find repeats; smaller ones compare in place (no allocation on the common path). */
const linearScanLimit = 16;

/** Walks the tree once, reporting every occurrence of a key but the last. A plain loop: this runs on every keystroke of every document. */
function collectDuplicates(node: Node, out: Report[]): void {
  const children = node.children;
  if (!children) return;
  if (node.type === 'array') {
    for (const child of children) collectDuplicates(child, out);
    return;
  }
  if (node.type !== 'object') return;
  const last = children.length > linearScanLimit ? lastIndexByName(children) : undefined;
  for (let i = 0; i < children.length; i++) {
    const key = children[i]?.children?.[0];
    const value = children[i]?.children?.[1];
    if (!key || !value || typeof key.value !== 'string') continue;
    const repeated = last ? last.get(key.value) !== i : laterIndexOf(children, i, key.value) >= 0;
    if (repeated) out.push({ range: { offset: key.offset, length: key.length }, message: `Duplicate key "${key.value}": this value is ignored and the later one is used.` });
    collectDuplicates(value, out);
  }
}

/** The name of a property that has both a key and a value (the others are syntax errors, reported elsewhere). */
function nameOf(property: Node | undefined): string | undefined {
  const key = property?.children?.[0];
  return key && property.children?.[1] && typeof key.value === 'string' ? key.value : undefined;
}

function laterIndexOf(properties: readonly Node[], after: number, name: string): number {
  for (let j = after + 1; j < properties.length; j++) if (nameOf(properties[j]) === name) return j;
  return -1;
}

function lastIndexByName(properties: readonly Node[]): Map<string, number> {
  const last = new Map<string, number>();
  properties.forEach((p, i) => {
    const name = nameOf(p);
    if (name !== undefined) last.set(name, i);
  });
  return last;
}
