import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { valueProblems } from '../event/header-rules';
import { edgeRecords, headerEntries, headerItems, headerMaps } from '../event/records';

/**
 * Header values are strings, as CloudFront sends them: a boolean or number
 * in a fixture hides code that would break on the real string ("true" is truthy, "0" too).
 */
export const headerValue = defineCheck({
  id: 'edge.header-value',
  scope: 'edge-event',
  severity: 'error',
  title: 'A header value is not a string, or holds a line break.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const entry of edgeRecords(region).flatMap(headerMaps).flatMap(headerEntries)) {
      for (const item of headerItems(entry)) {
        for (const { node, message, fix } of valueProblems(entry.name, item)) yield { range: rangeOf(node), message, ...(fix ? { fixes: [fix] } : {}) };
      }
    }
  },
});
