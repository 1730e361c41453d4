import { checkTable } from '../../check-table';
import { createRule, header, host, method, path, query, sourceIp } from '../fixtures';

checkTable('alb.host-header-value', {
  valid: [{ name: 'AWS examples', text: createRule([host('example.com', 'test.example.com', '*.example.com')]) }],
  invalid: [
    { name: 'with a port', text: createRule([host('example.com:8443')]), findings: [{ at: ':8443', message: 'Host values cannot carry a port; to match a Host header with a port, use RegexValues (e.g. "^example\\\\.com:8443$").' }] },
    { name: 'no dot', text: createRule([host('localhost')]), findings: [{ at: '"localhost"', message: 'A host value needs at least one "." (e.g. "localhost.com").' }] },
    { name: 'digits after the last dot', text: createRule([host('10.0.0.1')]), findings: [{ at: '"10.0.0.1"', message: 'A host value can have only letters after its last "." (the top-level domain).' }] },
    { name: 'an underscore', text: createRule([host('my_app.example.com')]), findings: [{ at: '_', message: '"_" is not allowed in a host value; use letters, digits, "-", ".", and the wildcards "*" and "?".' }] },
  ],
});

checkTable('alb.path-pattern-value', {
  valid: [{ name: 'AWS examples and its special characters', text: createRule([path('/img/*', '/js/*', "/a_b-c.$~\"'@:+&?")]) }],
  invalid: [
    { name: 'a space', text: createRule([path('/my file')]), findings: [{ at: ' ', message: `" " is not allowed in a path pattern; use letters, digits, _-.$/~"'@:+&, and the wildcards "*" and "?".` }] },
    { name: 'percent-encoding', text: createRule([path('/a%20b')]), findings: [{ at: '%', message: /percent-encoded characters are not allowed/ }] },
    { name: 'too long', text: createRule([path(`/${'a'.repeat(128)}`)]), findings: [{ at: `"/${'a'.repeat(128)}"`, message: 'This path pattern has 129 characters; the limit is 128.' }] },
  ],
});

checkTable('alb.http-header-value', {
  valid: [{ name: 'AWS example', text: createRule([header('User-Agent', '*Chrome*', '*Safari*')]) }],
  invalid: [
    { name: 'the Host header', text: createRule([header('host', 'a.example.com')]), findings: [{ at: '"host"', message: 'An http-header condition cannot match the Host header; use a host-header condition.' }] },
    { name: 'a wildcard in the name', text: createRule([header('X-*', 'a')]), findings: [{ at: '*', message: 'Header names do not take wildcards; name the header exactly.' }] },
    { name: 'a colon in the name', text: createRule([header('X-A:', 'a')]), findings: [{ at: '"X-A:"', message: /is not a header name/ }] },
  ],
});

checkTable('alb.http-request-method-value', {
  valid: [{ name: 'standard and custom methods', text: createRule([method('GET', 'CUSTOM-METHOD', 'MY_METHOD')]) }],
  invalid: [
    { name: 'lower case', text: createRule([method('get')]), findings: [{ at: '"get"', message: 'Methods are matched case-sensitively and written in upper case: "get" would never match; use "GET".', fixes: ['Change to "GET"'] }] },
    { name: 'a wildcard', text: createRule([method('P*')]), findings: [{ at: '"P*"', message: '"P*" is not a method name; use A–Z, "-" and "_" only (wildcards are not supported).' }] },
  ],
});

checkTable('alb.query-string-value', {
  valid: [{ name: 'AWS example', text: createRule([query({ Key: 'version', Value: 'v1' }, { Value: 'example' })]) }],
  invalid: [
    { name: 'no value', text: createRule([query({ Key: 'version' })]), findings: [{ at: '{"Key":"version"}', message: 'A query-string pair needs a Value to compare (use "*" to accept any value of the Key).' }] },
    { name: 'an empty key', text: createRule([query({ Key: '', Value: 'a' })]), findings: [{ at: '""', message: 'An empty query-string key is not allowed; leave the Key out to match any key.' }] },
  ],
});

checkTable('alb.source-ip-value', {
  valid: [{ name: 'AWS example and IPv6', text: createRule([sourceIp('192.0.2.0/24', '198.51.100.10/32', '2001:db8::/32')]) }],
  invalid: [
    { name: 'an address without a prefix', text: createRule([sourceIp('192.0.2.10')]), findings: [{ at: '"192.0.2.10"', message: /is not a CIDR block: a CIDR block needs a prefix length/, fixes: ['Change to "192.0.2.10/32"'] }] },
    { name: 'a prefix too long', text: createRule([sourceIp('2001:db8::/129')]), findings: [{ at: '"2001:db8::/129"', message: '"2001:db8::/129" is not a CIDR block: the prefix length must be a number from 0 to 128 for an IPv6 address.' }] },
    { name: 'a wildcard', text: createRule([sourceIp('10.0.*.*/16')]), findings: [{ at: '"10.0.*.*/16"', message: /"10\.0\.\*\.\*" is not an IPv4 or IPv6 address/ }] },
  ],
});
