import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix, toStringFix } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords } from '../event/records';

/** `request.querystring` is the raw query string: a string, without `?`, spaces or `#`. */
export const querystring = defineCheck({
  id: 'edge.querystring',
  scope: 'edge-event',
  severity: 'error',
  title: 'The querystring is not a string, or starts with "?", or holds spaces, control characters or "#".',
  docs: edgeDocs.queryStrings,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = propertyValue(record.request, 'querystring');
      // An object is CloudFront Functions' shape: edge.event-family says so.
      if (!node || node.type === 'object') continue;
      const text = stringValue(node);
      if (text === undefined) {
        const fix = toStringFix(node);
        yield { range: rangeOf(node), message: `"querystring" must be a string (empty when there is none), not ${describeValue(node)}.`, ...(fix ? { fixes: [fix] } : {}) };
      } else if (text.startsWith('?')) {
        yield { range: rangeOf(node), message: 'CloudFront passes the query string without the leading "?".', fixes: [replaceFix('Remove the "?"', node, JSON.stringify(text.slice(1)))] };
      } else if (/[\s\u0000-\u001f\u007f#]/.test(text)) {
        yield { range: rangeOf(node), message: 'A query string holds no spaces, control characters or "#"; CloudFront passes them percent-encoded.' };
      }
    }
  },
});
