import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

const custom = (change: (origin: Record<string, unknown>) => void) => changed('origin-request', (cf) => change(cf['request'].origin.custom), 0);
/** Where a number value sits in compact JSON: after `"name":`. */
const valueOf = (text: string, name: string, value: number) => ({ at: String(value), offset: text.indexOf(`"${name}":${value}`) + name.length + 3 });
const port8 = custom((o) => (o['port'] = 8));
const timeouts = custom((o) => {
  o['keepaliveTimeout'] = 61;
  o['readTimeout'] = 3;
});
const s3 = (fields: object) => changed('origin-request', (cf) => (cf['request'].origin = { s3: { authMethod: 'none', customHeaders: {}, domainName: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com', path: '', ...fields } }));

checkTable('edge.origin-field', {
  valid: [
    { name: 'the docs\' custom origin', text: docsExample('origin-request') },
    { name: 'an S3 origin with an OAI and its region', text: s3({ authMethod: 'origin-access-identity', region: 'us-east-1', path: '/static' }) },
    { name: 'port 8080', text: custom((o) => (o['port'] = 8080)) },
  ],
  invalid: [
    { name: 'an IP address', text: custom((o) => (o['domainName'] = '192.0.2.10')), findings: [{ at: '"192.0.2.10"', message: 'A custom origin is a DNS name, not an IP address.' }] },
    { name: 'a port in the domain name', text: custom((o) => (o['domainName'] = 'example.org:8443')), findings: [{ at: '"example.org:8443"', message: 'The origin domain name cannot hold a colon: the port goes in "port".' }] },
    { name: 'port 8', text: port8, findings: [{ ...valueOf(port8, 'port', 8), message: 'The port must be 80, 443, or 1024 to 65535.' }] },
    { name: 'timeouts out of range', text: timeouts, findings: [
      { ...valueOf(timeouts, 'keepaliveTimeout', 61), message: 'The keep-alive timeout is 1 to 60 seconds.' },
      { ...valueOf(timeouts, 'readTimeout', 3), message: 'The read timeout is 4 to 60 seconds.' },
    ] },
    { name: 'protocol and SSL protocols', text: custom((o) => {
      o['protocol'] = 'ftp';
      o['sslProtocols'] = ['TLSv1.2', 'TLSv1.3'];
    }), findings: [{ at: '"ftp"', message: '"ftp" is not an origin protocol: "http" or "https".' }, { at: '"TLSv1.3"', message: '"TLSv1.3" is not an SSL/TLS protocol CloudFront uses with origins (TLSv1.2, TLSv1.1, TLSv1, SSLv3).' }] },
    { name: 'a path ending in a slash', text: custom((o) => (o['path'] = '/api/')), findings: [{ at: '"/api/"', message: 'The origin path does not end with "/".' }] },
    { name: 'an upper-case bucket domain', text: s3({ domainName: 'Bucket.s3.amazonaws.com' }), findings: [{ at: '"Bucket.s3.amazonaws.com"', message: 'An S3 origin\'s domain name is all lower case.' }] },
    { name: 'an OAI without region', text: s3({ authMethod: 'origin-access-identity' }), findings: [{ at: '"origin-access-identity"', message: 'With an origin access identity, the S3 origin needs its "region".' }] },
    { name: 'a custom header repeating a request header', text: custom((o) => (o['customHeaders'] = { host: [{ key: 'Host', value: 'other.example' }] })), findings: [{ at: '"host"', occurrence: 1, message: '"host" is also in request.headers; a custom origin header cannot repeat a request header.' }] },
  ],
});
