import type { Node } from 'jsonc-parser';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { elements, propertyNode, propertyValue } from '../../json/tree';
import { canonicalHeaderKey } from '../model/headers';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords, headerEntries, headerMaps } from '../event/records';

/**
 * Each header map entry is an array of `{key?, value}` objects, one per
 * value. CloudFront rejects anything else with "Each header entry in the
 * headers object must be an array."
 */
export const headerShape = defineCheck({
  id: 'edge.header-shape',
  scope: 'edge-event',
  severity: 'error',
  title: 'A header entry is not an array of {key, value} objects.',
  docs: edgeDocs.requestFields,
  *run({ document, region }): Iterable<Report> {
    for (const entry of edgeRecords(region).flatMap(headerMaps).flatMap(headerEntries)) {
      const { name, value } = entry;
      if (value.type !== 'array') {
        const functionsShape = value.type === 'object' && propertyValue(value, 'value') !== undefined;
        const fix = wrapFix(document.text, name, value);
        yield {
          range: rangeOf(value),
          message: `Header "${name}" must be an array of {key, value} objects${functionsShape ? ' ({"value": ...} alone is CloudFront Functions\' shape)' : `, not ${describeValue(value)}`}; CloudFront says "Each header entry in the headers object must be an array."`,
          ...(fix ? { fixes: [fix] } : {}),
        };
        continue;
      }
      for (const item of elements(value)) {
        if (item.type !== 'object') {
          yield { range: rangeOf(item), message: `Each value of header "${name}" is an object {key, value}, not ${describeValue(item)}.` };
        } else if (!propertyNode(item, 'value')) {
          yield { range: rangeOf(item), message: `This entry of header "${name}" lacks "value".` };
        }
      }
    }
  },
});

/** `"text"` or `{"value": "text"}` → `[{"key": "Name", "value": "text"}]`. */
function wrapFix(text: string, name: string, value: Node): Fix | undefined {
  const inner = value.type === 'object' ? propertyValue(value, 'value') : value;
  if (inner?.type !== 'string') return undefined;
  const valueText = text.slice(inner.offset, inner.offset + inner.length);
  return replaceFix('Make it an array of {key, value}', value, `[{ "key": ${JSON.stringify(canonicalHeaderKey(name))}, "value": ${valueText} }]`);
}
