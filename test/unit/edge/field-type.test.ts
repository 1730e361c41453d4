import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.field-type', {
  valid: [
    { name: 'the docs\' origin-request example', text: docsExample('origin-request') },
    { name: 'a status number is edge.status\'s business', text: changed('origin-response', (cf) => (cf['response'].status = 200)) },
  ],
  invalid: [
    {
      name: 'clientIp as a boolean',
      text: changed('viewer-request', (cf) => (cf['request'].clientIp = false)),
      findings: [{ at: 'false', message: '"clientIp" must be a string, not false.', fixes: ['Turn the boolean into a string'] }],
    },
    {
      name: 'the port as a string',
      text: changed('origin-request', (cf) => (cf['request'].origin.custom.port = '443')),
      findings: [{ at: '"443"', message: '"port" must be a number, not "443".', fixes: ['Turn the string into a number'] }],
    },
    {
      name: 'headers as an array',
      text: changed('viewer-request', (cf) => (cf['request'].headers = [])),
      findings: [{ at: '[]', message: '"headers" must be an object, not an array.' }],
    },
    {
      name: 'requestId as null',
      text: changed('viewer-request', (cf) => (cf['config'].requestId = null)),
      findings: [{ at: 'null', message: '"requestId" must be a string, not null.', fixes: [] }],
    },
  ],
});
