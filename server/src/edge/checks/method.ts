import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { edgeRecords } from '../event/records';

/** The methods a CloudFront distribution accepts from viewers. */
const httpMethods: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

/** `request.method` is one of the HTTP methods CloudFront forwards, in upper case. */
export const method = defineCheck({
  id: 'edge.method',
  scope: 'edge-event',
  severity: 'error',
  title: 'The method is not an HTTP method CloudFront accepts.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = propertyValue(record.request, 'method');
      const text = stringValue(node);
      if (!node || text === undefined || httpMethods.includes(text)) continue;
      const upper = text.toUpperCase();
      if (httpMethods.includes(upper)) {
        yield { range: rangeOf(node), message: `Methods are upper case: CloudFront sends "${upper}".`, fixes: [replaceFix(`Change to "${upper}"`, node, JSON.stringify(upper))] };
      } else {
        yield { range: rangeOf(node), message: `"${text}" is not a method CloudFront accepts (${httpMethods.join(', ')}).` };
      }
    }
  },
});
