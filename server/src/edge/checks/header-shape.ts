import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { entryShapeProblems } from '../event/header-rules';
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
    for (const { name, value } of edgeRecords(region).flatMap(headerMaps).flatMap(headerEntries)) {
      for (const { node, message, fix } of entryShapeProblems(name, value, document.text)) {
        yield { range: rangeOf(node), message, ...(fix ? { fixes: [fix] } : {}) };
      }
    }
  },
});
