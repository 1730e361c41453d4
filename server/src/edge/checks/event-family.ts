import type { Node } from 'jsonc-parser';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import type { DocumentRegion } from '../../language/classify';
import { elements, properties, propertyNode, propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { edgeRecords } from '../event/records';

/**
 * CloudFront Functions and Lambda@Edge events look alike but differ in shape;
 * a fixture that mixes them tests a handler against an event it never gets.
 */
export const eventFamily = defineCheck({
  id: 'edge.event-family',
  scope: 'edge-event',
  severity: 'error',
  title: 'A Lambda@Edge event holds parts of a CloudFront Functions event, or the other way round.',
  docs: edgeDocs.eventStructure,
  *run({ region }): Iterable<Report> {
    if (region.shape === 'cloudfront-functions-event') {
      yield* lambdaEdgePartsIn(region);
      return;
    }
    for (const record of edgeRecords(region)) {
      for (const name of ['context', 'viewer', 'version']) {
        const key = propertyNode(record.cf, name)?.children?.[0];
        if (key) yield { range: rangeOf(key), message: functionsTopLevel[name] ?? '' };
      }
      for (const [object, place] of [[record.request, 'request'], [record.response, 'response']] as const) {
        const cookies = propertyNode(object, 'cookies')?.children?.[0];
        if (cookies) {
          const header = place === 'request' ? 'cookie' : 'set-cookie';
          yield { range: rangeOf(cookies), message: `"cookies" is CloudFront Functions' shape; Lambda@Edge ${place}s carry cookies in the "${header}" header.` };
        }
      }
      const statusCode = propertyNode(record.response, 'statusCode')?.children?.[0];
      if (statusCode) yield { range: rangeOf(statusCode), message: '"statusCode" is CloudFront Functions\' shape; a Lambda@Edge response has "status", a string such as "200".' };
      const querystring = propertyValue(record.request, 'querystring');
      if (querystring?.type === 'object') {
        const fix = queryStringFix(querystring);
        yield {
          range: rangeOf(querystring),
          message: 'A query string object is CloudFront Functions\' shape; Lambda@Edge sends the query string as it was received, without "?", e.g. "size=large&color=red".',
          ...(fix ? { fixes: [fix] } : {}),
        };
      }
    }
  },
});

const functionsTopLevel: Readonly<Record<string, string>> = {
  context: '"context" is CloudFront Functions\' shape; a Lambda@Edge record carries the distribution and event type in "config".',
  viewer: '"viewer" is CloudFront Functions\' shape; a Lambda@Edge event has the viewer\'s address in "request.clientIp".',
  version: '"version" is CloudFront Functions\' shape; Lambda@Edge records have no version.',
};

/** `{"a": {"value": "1"}, "b": {"value": "2", "multiValue": [...]}}` → `"a=1&b=2&b=3"`. */
function queryStringFix(node: Node): Fix | undefined {
  const pairs: string[] = [];
  for (const { name, value } of properties(node)) {
    const values = elements(propertyValue(value, 'multiValue')).map((v) => stringValue(propertyValue(v, 'value')));
    const all = values.length ? values : [stringValue(propertyValue(value, 'value'))];
    if (all.some((v) => v === undefined)) return undefined;
    for (const v of all) pairs.push(`${name}=${v ?? ''}`);
  }
  return replaceFix('Write it as a Lambda@Edge query string', node, JSON.stringify(pairs.join('&')));
}

/** In a CloudFront Functions event: Lambda@Edge's header arrays, string query string, `status`, `clientIp`. */
function* lambdaEdgePartsIn(region: DocumentRegion): Iterable<Report> {
  const request = propertyValue(region.node, 'request');
  const response = propertyValue(region.node, 'response');
  for (const object of [request, response]) {
    for (const { key, value, name } of properties(propertyValue(object, 'headers'))) {
      if (value.type === 'array') {
        yield { range: rangeOf(key), message: `Header "${name}" is an array of {key, value}, Lambda@Edge's shape; CloudFront Functions headers are {"value": "..."} objects.` };
      }
    }
  }
  const querystring = propertyValue(request, 'querystring');
  if (querystring?.type === 'string') {
    yield { range: rangeOf(querystring), message: 'A query string as text is Lambda@Edge\'s shape; CloudFront Functions events hold an object of {"value": "..."} per parameter.' };
  }
  const status = propertyNode(response, 'status')?.children?.[0];
  if (status) yield { range: rangeOf(status), message: '"status" is Lambda@Edge\'s shape; a CloudFront Functions response has "statusCode", a number.' };
  const clientIp = propertyNode(request, 'clientIp')?.children?.[0];
  if (clientIp) yield { range: rangeOf(clientIp), message: '"clientIp" is Lambda@Edge\'s shape; CloudFront Functions events have the viewer\'s address in "viewer.ip".' };
}
