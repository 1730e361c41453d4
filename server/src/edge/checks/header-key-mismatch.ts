import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../json/tree';
import { canonicalHeaderKey } from '../model/headers';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords, headerEntries, headerItems, headerMaps } from '../event/records';

/**
 * A header entry's `key` is the header's name as sent on the wire; it must be
 * the map key in some case, or the fixture says two different things.
 */
export const headerKeyMismatch = defineCheck({
  id: 'edge.header-key-mismatch',
  scope: 'edge-event',
  severity: 'error',
  title: 'A header entry\'s key differs from its map key (ignoring case).',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const entry of edgeRecords(region).flatMap(headerMaps).flatMap(headerEntries)) {
      for (const item of headerItems(entry)) {
        const key = propertyValue(item, 'key');
        if (!key) continue;
        const fix = replaceFix(`Change the key to "${canonicalHeaderKey(entry.name)}"`, key, JSON.stringify(canonicalHeaderKey(entry.name)));
        const text = stringValue(key);
        if (text === undefined) {
          yield { range: rangeOf(key), message: `The key of header "${entry.name}" must be a string (the header's name), not ${describeValue(key)}.`, fixes: [fix] };
        } else if (text.toLowerCase() !== entry.name.toLowerCase()) {
          yield { range: rangeOf(key), message: `The key "${text}" does not match the header name "${entry.name}": CloudFront sends the header under its key, so both must name the same header.`, fixes: [fix] };
        }
      }
    }
  },
});
