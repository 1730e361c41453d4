import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, toStringFix } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords } from '../event/records';

/**
 * `response.status` is a string of three digits; and since CloudFront runs
 * no viewer-response function for an origin status of 400 or more, such a
 * viewer-response event never happens.
 */
export const status = defineCheck({
  id: 'edge.status',
  scope: 'edge-event',
  severity: 'error',
  title: 'The response status is not a string of three digits, or a viewer-response event has an error status CloudFront never runs it for.',
  docs: edgeDocs.responseFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = propertyValue(record.response, 'status');
      if (!node) continue;
      const text = stringValue(node);
      if (text === undefined) {
        const fix = node.type === 'number' ? toStringFix(node) : undefined;
        yield { range: rangeOf(node), message: `"status" must be a string such as "200", not ${describeValue(node)}.`, ...(fix ? { fixes: [fix] } : {}) };
      } else if (!/^[1-5]\d\d$/.test(text)) {
        yield { range: rangeOf(node), message: `"${text}" is not an HTTP status code: three digits, 100 to 599.` };
      } else if (record.trigger === 'viewer-response' && Number(text) >= 400) {
        yield { range: rangeOf(node), message: `CloudFront runs no viewer-response function when the origin returns ${text} (400 or more), so this event never happens.` };
      }
    }
  },
});
