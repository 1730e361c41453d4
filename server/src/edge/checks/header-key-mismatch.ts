import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { keyProblems } from '../event/header-rules';
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
        for (const { node, message, fix } of keyProblems(entry.name, item)) yield { range: rangeOf(node), message, ...(fix ? { fixes: [fix] } : {}) };
      }
    }
  },
});
