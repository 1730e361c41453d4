import { defineCheck, type Report } from '../../language/check';
import { properties, propertyValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { originFieldProblems } from '../event/origin-rules';
import { edgeRecords, eventObjects, type EventObject } from '../event/records';

/** The values of a custom or S3 origin's fields, as "Lambda@Edge event structure" bounds them. */
export const originField = defineCheck({
  id: 'edge.origin-field',
  scope: 'edge-event',
  severity: 'error',
  title: 'An origin field has a value CloudFront does not accept.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const object of edgeRecords(region).flatMap(eventObjects)) {
      if (object.kind !== 'custom-origin' && object.kind !== 's3-origin') continue;
      for (const { node, message } of originFieldProblems(object.kind === 'custom-origin' ? 'custom' : 's3', object.node)) {
        yield { range: rangeOf(node), message };
      }
      yield* repeatedRequestHeaders(object);
    }
  },
});

/** A custom origin header may not repeat a request header. */
function* repeatedRequestHeaders(object: EventObject): Iterable<Report> {
  const requestHeaders = new Set(properties(propertyValue(object.record.request, 'headers')).map((p) => p.name.toLowerCase()));
  for (const { key, name } of properties(propertyValue(object.node, 'customHeaders'))) {
    if (requestHeaders.has(name.toLowerCase())) {
      yield { range: rangeOf(key), message: `"${name}" is also in request.headers; a custom origin header cannot repeat a request header.` };
    }
  }
}
