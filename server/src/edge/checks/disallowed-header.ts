import { defineCheck, type Report } from '../../language/check';
import { isDisallowedHeader } from '../model/headers';
import { edgeDocs } from '../model/docs';
import { rangeOf, removePropertyEdit } from '../event/edits';
import { edgeRecords, headerEntries, headerMaps } from '../event/records';

/**
 * CloudFront never exposes disallowed headers (`X-Cache`, `Connection`,
 * `X-Amz-Cf-*`, `X-Edge-*`...) to edge functions, so a fixture holding one
 * tests a handler against a header it will never see.
 */
export const disallowedHeader = defineCheck({
  id: 'edge.disallowed-header',
  scope: 'edge-event',
  severity: 'error',
  title: 'The event holds a header CloudFront never exposes to edge functions.',
  docs: edgeDocs.disallowedHeaders,
  *run({ region }): Iterable<Report> {
    for (const entry of edgeRecords(region).flatMap(headerMaps).flatMap(headerEntries)) {
      if (!isDisallowedHeader(entry.name)) continue;
      const where = entry.map.place === 'origin' ? 'custom origin headers cannot include it' : 'no event carries it';
      yield {
        range: rangeOf(entry.key),
        message: `"${entry.name}" is a disallowed header: CloudFront never exposes it to edge functions, so ${where}, and a function that adds it fails validation (502).`,
        fixes: entry.key.parent ? [{ title: `Remove "${entry.name}"`, edits: [removePropertyEdit(entry.key.parent)], preferred: true }] : [],
      };
    }
  },
});
