import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { createWorkbenchService } from '../../../server/src/workbench';
import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.missing-field', {
  valid: [
    { name: 'the docs\' origin-request example', text: docsExample('origin-request') },
    { name: 'distributionID, as the docs\' field list spells it', text: changed('viewer-request', (cf) => {
      cf['config'].distributionID = cf['config'].distributionId;
      delete cf['config'].distributionId;
    }) },
    { name: 'an S3 origin without region (no OAI)', text: changed('origin-request', (cf) => {
      cf['request'].origin = { s3: { authMethod: 'none', customHeaders: {}, domainName: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com', path: '' } };
    }) },
  ],
  invalid: [
    {
      name: 'SAM CLI\'s older config (no eventType, requestId): one finding, one fix',
      text: changed('origin-request', (cf) => {
        delete cf['config'].eventType;
        delete cf['config'].requestId;
        delete cf['config'].distributionDomainName;
      }),
      findings: [{ at: '"config"', message: 'This is the older event shape (SAM CLI\'s generate-event writes it): CloudFront now also sends "distributionDomainName", "eventType", "requestId" in config.', fixes: ['Add distributionDomainName, eventType, requestId (as an origin-request event)'] }],
    },
    {
      name: 'no config',
      text: changed('viewer-request', (cf) => delete cf['config']),
      findings: [{ at: '"cf"', message: 'The record lacks "config", which CloudFront always sends.', fixes: ['Add a config for a viewer-request event'] }],
    },
    {
      name: 'no clientIp and no querystring',
      text: changed('viewer-request', (cf) => {
        delete cf['request'].clientIp;
        delete cf['request'].querystring;
      }),
      findings: [
        { at: '"request"', message: 'The request lacks "clientIp", which CloudFront always sends.' },
        { at: '"request"', message: 'The request lacks "querystring", which CloudFront always sends.' },
      ],
    },
    {
      name: 'a response without status',
      text: changed('origin-response', (cf) => delete cf['response'].status),
      findings: [{ at: '"response"', message: 'The response lacks "status", which CloudFront always sends in origin-response events.' }],
    },
    {
      name: 'a custom origin without port',
      text: changed('origin-request', (cf) => delete cf['request'].origin.custom.port),
      findings: [{ at: '"custom"', message: 'The custom origin lacks "port", which CloudFront always sends in origin-request events.' }],
    },
    {
      name: 'a config without requestId',
      text: changed('origin-response', (cf) => delete cf['config'].requestId),
      findings: [{ at: '"config"', message: 'The config lacks "requestId", which CloudFront always sends.' }],
    },
  ],
});

describe('edge.missing-field: adding a config', () => {
  it('inserts the config the fields call for, indented like the rest', () => {
    const text = changed('origin-response', (cf) => delete cf['config']);
    const service = createWorkbenchService();
    const analysis = service.analyze(text);
    const finding = analysis.findings.find((f) => f.id === 'edge.missing-field');
    const fix = finding?.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
    assert.deepEqual(service.analyze(fixed).findings, []);
    assert.match(fixed, /"cf": \{\n {8}"config": \{\n {10}"distributionDomainName": "d111111abcdef8.cloudfront.net",\n/);
    assert.match(fixed, /"eventType": "origin-response"/);
  });
});

describe('edge.missing-field: SAM CLI\'s older config', () => {
  it('is brought up to date by its fix, which then passes every check', () => {
    const text = changed('viewer-request', (cf) => {
      delete cf['config'].eventType;
      delete cf['config'].requestId;
    });
    const service = createWorkbenchService();
    const fix = service.analyze(text).findings.find((f) => f.id === 'edge.missing-field')?.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.newText })));
    assert.deepEqual(service.analyze(fixed).findings.map((f) => `${f.id}: ${f.message}`), []);
  });
});
