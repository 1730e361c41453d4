import { isIP } from 'node:net';
import type { Node } from 'jsonc-parser';
import { defineCheck, type Report } from '../../language/check';
import { elements, properties, propertyValue, stringValue } from '../../json/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { edgeRecords, eventObjects, type EventObject } from '../event/records';

export const sslProtocols: readonly string[] = ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];

/** The values of a custom or S3 origin's fields, as "Lambda@Edge event structure" bounds them. */
export const originField = defineCheck({
  id: 'edge.origin-field',
  scope: 'edge-event',
  severity: 'error',
  title: 'An origin field has a value CloudFront does not accept.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const object of edgeRecords(region).flatMap(eventObjects)) {
      if (object.kind === 'custom-origin') yield* customOrigin(object);
      if (object.kind === 's3-origin') yield* s3Origin(object);
      if (object.kind === 'custom-origin' || object.kind === 's3-origin') yield* customHeaders(object);
    }
  },
});

function* customOrigin({ node }: EventObject): Iterable<Report> {
  const domain = propertyValue(node, 'domainName');
  const domainText = stringValue(domain);
  if (domain && domainText !== undefined) {
    if (domainText === '') yield { range: rangeOf(domain), message: 'The origin domain name cannot be empty.' };
    else if (isIP(domainText) !== 0) yield { range: rangeOf(domain), message: 'A custom origin is a DNS name, not an IP address.' };
    else if (domainText.includes(':')) yield { range: rangeOf(domain), message: 'The origin domain name cannot hold a colon: the port goes in "port".' };
    else if (domainText.length > 253) yield { range: rangeOf(domain), message: `The origin domain name has ${domainText.length} characters; at most 253.` };
  }
  yield* numberIn(node, 'port', (n) => n === 80 || n === 443 || (n >= 1024 && n <= 65535), 'The port must be 80, 443, or 1024 to 65535.');
  yield* numberIn(node, 'keepaliveTimeout', (n) => n >= 1 && n <= 60, 'The keep-alive timeout is 1 to 60 seconds.');
  yield* numberIn(node, 'readTimeout', (n) => n >= 4 && n <= 60, 'The read timeout is 4 to 60 seconds.');
  const protocol = propertyValue(node, 'protocol');
  const protocolText = stringValue(protocol);
  if (protocol && protocolText !== undefined && protocolText !== 'http' && protocolText !== 'https') {
    yield { range: rangeOf(protocol), message: `"${protocolText}" is not an origin protocol: "http" or "https".` };
  }
  for (const item of elements(propertyValue(node, 'sslProtocols'))) {
    const text = stringValue(item);
    if (text === undefined || !sslProtocols.includes(text)) {
      yield { range: rangeOf(item), message: `${text === undefined ? 'This' : `"${text}"`} is not an SSL/TLS protocol CloudFront uses with origins (${sslProtocols.join(', ')}).` };
    }
  }
  yield* path(node, 255);
}

function* s3Origin({ node }: EventObject): Iterable<Report> {
  const domain = propertyValue(node, 'domainName');
  const domainText = stringValue(domain);
  if (domain && domainText !== undefined) {
    if (domainText === '') yield { range: rangeOf(domain), message: 'The origin domain name cannot be empty.' };
    else if (domainText !== domainText.toLowerCase()) yield { range: rangeOf(domain), message: 'An S3 origin\'s domain name is all lower case.' };
    else if (domainText.length > 128) yield { range: rangeOf(domain), message: `The S3 origin domain name has ${domainText.length} characters; at most 128.` };
  }
  const authMethod = propertyValue(node, 'authMethod');
  const authText = stringValue(authMethod);
  if (authMethod && authText !== undefined && authText !== 'origin-access-identity' && authText !== 'none') {
    yield { range: rangeOf(authMethod), message: `"${authText}" is not an S3 auth method: "origin-access-identity" or "none".` };
  }
  if (authText === 'origin-access-identity' && !stringValue(propertyValue(node, 'region')) && authMethod) {
    yield { range: rangeOf(authMethod), message: 'With an origin access identity, the S3 origin needs its "region".' };
  }
  yield* path(node, undefined);
}

function* numberIn(node: Node, name: string, valid: (n: number) => boolean, message: string): Iterable<Report> {
  const value = propertyValue(node, name);
  if (value?.type === 'number' && !valid(Number(value.value))) yield { range: rangeOf(value), message };
}

function* path(node: Node, maxLength: number | undefined): Iterable<Report> {
  const value = propertyValue(node, 'path');
  const text = stringValue(value);
  if (!value || text === undefined || text === '') return;
  if (!text.startsWith('/')) yield { range: rangeOf(value), message: 'The origin path starts with "/" (or is empty).' };
  else if (text.endsWith('/')) yield { range: rangeOf(value), message: 'The origin path does not end with "/".' };
  else if (maxLength !== undefined && text.length > maxLength) yield { range: rangeOf(value), message: `The origin path has ${text.length} characters; at most ${maxLength}.` };
}

/** A custom origin header may not repeat a request header. */
function* customHeaders(object: EventObject): Iterable<Report> {
  const requestHeaders = new Set(properties(propertyValue(object.record.request, 'headers')).map((p) => p.name.toLowerCase()));
  for (const { key, name } of properties(propertyValue(object.node, 'customHeaders'))) {
    if (requestHeaders.has(name.toLowerCase())) {
      yield { range: rangeOf(key), message: `"${name}" is also in request.headers; a custom origin header cannot repeat a request header.` };
    }
  }
}
