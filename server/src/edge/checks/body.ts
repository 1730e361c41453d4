import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { formatBytes, limitsOf } from '../model/triggers';
import { rangeOf } from '../event/edits';
import { isBase64 } from '../event/base64';
import { edgeRecords } from '../event/records';

/**
 * `request.body` ("Include body"): `action` read-only or replace, `encoding`
 * base64 or text, `data` valid base64 when so encoded, and no larger than
 * CloudFront lets through untruncated.
 */
export const body = defineCheck({
  id: 'edge.body',
  scope: 'edge-event',
  severity: 'error',
  title: 'The request body has an unknown action or encoding, data that is not valid base64, or more data than CloudFront passes.',
  docs: edgeDocs.requestBody,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const bodyNode = propertyValue(record.request, 'body');
      const action = propertyValue(bodyNode, 'action');
      const actionText = stringValue(action);
      if (action && actionText !== undefined && actionText !== 'read-only' && actionText !== 'replace') {
        yield { range: rangeOf(action), message: `"${actionText}" is not a body action: "read-only" (the default) or "replace".` };
      }
      const encoding = propertyValue(bodyNode, 'encoding');
      const encodingText = stringValue(encoding);
      if (encoding && encodingText !== undefined && encodingText !== 'base64' && encodingText !== 'text') {
        yield { range: rangeOf(encoding), message: `"${encodingText}" is not a body encoding: "base64" (how CloudFront passes bodies) or "text".` };
      }
      const data = propertyValue(bodyNode, 'data');
      const dataText = stringValue(data);
      if (!data || dataText === undefined) continue;
      if (encodingText === 'base64' && !isBase64(dataText)) {
        yield { range: rangeOf(data), message: 'The body data is not valid base64, as its encoding says it is.' };
        continue;
      }
      const truncated = propertyValue(bodyNode, 'inputTruncated');
      const trigger = record.trigger;
      if (!trigger || truncated?.value === true) continue;
      const bytes = encodingText === 'base64' ? Buffer.from(dataText, 'base64').length : Buffer.byteLength(dataText);
      const limit = limitsOf(trigger).textBodyBytes;
      if (bytes > limit) {
        yield { range: rangeOf(data), message: `The body is ${formatBytes(bytes)}, but CloudFront truncates ${trigger} bodies at ${formatBytes(limit)}: it would pass this one truncated, with inputTruncated true.` };
      }
    }
  },
});
