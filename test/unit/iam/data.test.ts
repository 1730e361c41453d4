import assert from 'node:assert/strict';
import { iamData } from '../../../server/src/iam/data/iam-data';
import { findIndexFile } from '../../../server/src/iam/data/load';

describe('iam data index', () => {
  const data = iamData();

  it('is found in dist/ from the compiled tests', () => {
    assert.match(findIndexFile() ?? '', /dist[\\/]iam-index\.json\.gz$/);
  });

  it('knows services, with links to their service authorization reference pages', () => {
    assert.ok(data.services().length > 400);
    assert.equal(data.service('lambda')?.docsUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html');
    assert.equal(data.service('s3')?.docsUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html');
    assert.equal(data.service('iam')?.docsUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html');
    assert.equal(data.service('S3')?.prefix, 's3');
    assert.equal(data.service('nosuchservice'), undefined);
  });

  it('finds actions case-insensitively, with resource types and ARN templates', () => {
    const action = data.action('s3', 'getobject');
    assert.equal(action?.name, 'GetObject');
    assert.equal(action.accessLevel, 'Read');
    assert.ok(action.resourceTypes.some((r) => r.name === 'object' && r.arn === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'));
    assert.equal(data.action('s3', 'GetObjectt'), undefined);
  });

  it('expands wildcard actions', () => {
    const names = data.matchActions('logs:Create*').map((a) => a.name);
    assert.ok(names.includes('CreateLogGroup') && names.includes('CreateLogStream'));
    assert.ok(names.every((n) => n.startsWith('Create')));
    assert.deepEqual(data.matchActions('s3:NoSuch*'), []);
  });

  it('resolves global, templated, service and identity-provider condition keys', () => {
    assert.equal(data.conditionKey('aws:sourceip')?.key, 'aws:SourceIp');
    assert.equal(data.conditionKey('aws:SourceIp')?.type, 'IPAddress');
    assert.ok(data.conditionKey('aws:SourceIp')?.description.length);
    assert.equal(data.conditionKey('aws:PrincipalTag/team')?.key, 'aws:PrincipalTag/tag-key');
    assert.equal(data.conditionKey('aws:PrincipalTag/'), undefined);
    assert.equal(data.conditionKey('s3:x-amz-acl')?.scope, 'service');
    assert.equal(data.conditionKey('s3:ExistingObjectTag/classification')?.scope, 'service');
    assert.equal(data.conditionKey('token.actions.githubusercontent.com:actor')?.scope, 'service');
    assert.equal(data.conditionKey('token.actions.githubusercontent.com:sub')?.scope, 'provider');
    assert.equal(data.conditionKey('oidc.eks.us-east-1.amazonaws.com/id/ABC:sub')?.scope, 'provider');
    assert.equal(data.conditionKey('aws:SourceIpp'), undefined);
    assert.equal(data.conditionKey('s3:NoSuchKey'), undefined);
  });
});
