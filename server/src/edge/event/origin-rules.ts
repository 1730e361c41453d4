import { isIP } from 'node:net';
import type { Node } from 'jsonc-parser';
import { elements, propertyValue, stringValue } from '../../document/tree';

/** A located problem: the node it is about and what is wrong with it. */
export interface Problem {
  readonly node: Node;
  readonly message: string;
}

export const sslProtocols: readonly string[] = ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];

/**
 * The values of a custom or S3 origin's fields, as "Lambda@Edge event
 * structure" bounds them; shared by the event checks and the result rules,
 * since CloudFront applies the same bounds to an origin a function sets.
 */
export function* originFieldProblems(kind: 'custom' | 's3', node: Node): Iterable<Problem> {
  if (kind === 'custom') yield* customOrigin(node);
  else yield* s3Origin(node);
}

/** `origin` holds exactly one of `custom` and `s3`. */
export function* originKindProblems(origin: Node, where: Node): Iterable<Problem> {
  const custom = propertyNodeKey(origin, 'custom');
  const s3 = propertyNodeKey(origin, 's3');
  if (custom && s3) {
    yield { node: custom.offset > s3.offset ? custom : s3, message: 'An origin is either "custom" or "s3", not both.' };
  } else if (!custom && !s3) {
    yield { node: where, message: 'The origin holds neither "custom" nor "s3"; it needs exactly one.' };
  }
}

function propertyNodeKey(node: Node, key: string): Node | undefined {
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[0];
}

function* customOrigin(node: Node): Iterable<Problem> {
  const domain = propertyValue(node, 'domainName');
  const domainText = stringValue(domain);
  if (domain && domainText !== undefined) {
    if (domainText === '') yield { node: domain, message: 'The origin domain name cannot be empty.' };
    else if (isIP(domainText) !== 0) yield { node: domain, message: 'A custom origin is a DNS name, not an IP address.' };
    else if (domainText.includes(':')) yield { node: domain, message: 'The origin domain name cannot hold a colon: the port goes in "port".' };
    else if (domainText.length > 253) yield { node: domain, message: `The origin domain name has ${domainText.length} characters; at most 253.` };
  }
  yield* numberIn(node, 'port', (n) => n === 80 || n === 443 || (n >= 1024 && n <= 65535), 'The port must be 80, 443, or 1024 to 65535.');
  yield* numberIn(node, 'keepaliveTimeout', (n) => n >= 1 && n <= 60, 'The keep-alive timeout is 1 to 60 seconds.');
  yield* numberIn(node, 'readTimeout', (n) => n >= 4 && n <= 60, 'The read timeout is 4 to 60 seconds.');
  const protocol = propertyValue(node, 'protocol');
  const protocolText = stringValue(protocol);
  if (protocol && protocolText !== undefined && protocolText !== 'http' && protocolText !== 'https') {
    yield { node: protocol, message: `"${protocolText}" is not an origin protocol: "http" or "https".` };
  }
  for (const item of elements(propertyValue(node, 'sslProtocols'))) {
    const text = stringValue(item);
    if (text === undefined || !sslProtocols.includes(text)) {
      yield { node: item, message: `${text === undefined ? 'This' : `"${text}"`} is not an SSL/TLS protocol CloudFront uses with origins (${sslProtocols.join(', ')}).` };
    }
  }
  yield* path(node, 255);
}

function* s3Origin(node: Node): Iterable<Problem> {
  const domain = propertyValue(node, 'domainName');
  const domainText = stringValue(domain);
  if (domain && domainText !== undefined) {
    if (domainText === '') yield { node: domain, message: 'The origin domain name cannot be empty.' };
    else if (domainText !== domainText.toLowerCase()) yield { node: domain, message: 'An S3 origin\'s domain name is all lower case.' };
    else if (domainText.length > 128) yield { node: domain, message: `The S3 origin domain name has ${domainText.length} characters; at most 128.` };
  }
  const authMethod = propertyValue(node, 'authMethod');
  const authText = stringValue(authMethod);
  if (authMethod && authText !== undefined && authText !== 'origin-access-identity' && authText !== 'none') {
    yield { node: authMethod, message: `"${authText}" is not an S3 auth method: "origin-access-identity" or "none".` };
  }
  if (authMethod && authText === 'origin-access-identity' && !stringValue(propertyValue(node, 'region'))) {
    yield { node: authMethod, message: 'With an origin access identity, the S3 origin needs its "region".' };
  }
  yield* path(node, undefined);
}

function* numberIn(node: Node, name: string, valid: (n: number) => boolean, message: string): Iterable<Problem> {
  const value = propertyValue(node, name);
  if (value?.type === 'number' && !valid(Number(value.value))) yield { node: value, message };
}

function* path(node: Node, maxLength: number | undefined): Iterable<Problem> {
  const value = propertyValue(node, 'path');
  const text = stringValue(value);
  if (!value || text === undefined || text === '') return;
  if (!text.startsWith('/')) yield { node: value, message: 'The origin path starts with "/" (or is empty).' };
  else if (text.endsWith('/')) yield { node: value, message: 'The origin path does not end with "/".' };
  else if (maxLength !== undefined && text.length > maxLength) yield { node: value, message: `The origin path has ${text.length} characters; at most ${maxLength}.` };
}
