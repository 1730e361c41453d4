import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../json/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, toStringFix } from '../event/edits';
import { describeValue } from '../event/names';
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
        const value = propertyValue(item, 'value');
        if (!value) continue;
        const text = stringValue(value);
        if (text === undefined) {
          const fix = toStringFix(value);
          yield {
            range: rangeOf(value),
            message: `The value of header "${entry.name}" must be a string, not ${describeValue(value)}: CloudFront sends strings, and rejects others ("the value of each header value must be of string or array of string type").`,
            ...(fix ? { fixes: [fix] } : {}),
          };
        } else if (/[\r\n]/.test(text)) {
          yield { range: rangeOf(value), message: `The value of header "${entry.name}" holds a line break (CR or LF), which no HTTP header value can.` };
        }
      }
    }
  },
});
