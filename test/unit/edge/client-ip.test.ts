import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.client-ip', {
  valid: [
    { name: 'the docs\' IPv4 example', text: docsExample('viewer-request') },
    { name: 'IPv6', text: changed('viewer-request', (cf) => (cf['request'].clientIp = '2001:0db8:85a3:0:0:8a2e:0370:7334')) },
  ],
  invalid: [
    { name: 'a host name', text: changed('viewer-request', (cf) => (cf['request'].clientIp = 'localhost')), findings: [{ at: '"localhost"', message: '"localhost" is not an IP address; CloudFront sends the viewer\'s IPv4 or IPv6 address.' }] },
    { name: 'with a port', text: changed('viewer-request', (cf) => (cf['request'].clientIp = '203.0.113.178:443')), findings: [{ at: '"203.0.113.178:443"', message: /address \(without the port\)\.$/ }] },
    { name: 'an octet over 255', text: changed('viewer-request', (cf) => (cf['request'].clientIp = '203.0.113.300')), findings: [{ at: '"203.0.113.300"' }] },
  ],
});
