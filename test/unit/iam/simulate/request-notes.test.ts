import assert from 'node:assert/strict';
import { requestNotes } from '../../../../server/src/iam/simulate/request-notes';

const decidedAsWritten = 'Decided as written: only a statement naming it, or a wildcard covering it, applies.';

describe('iam simulate: notes on what a request names', () => {
  const cases: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string]>, readonly string[]]> = [
    ['a known action, in any case', 's3:getobject', [], []],
    ['a misspelt action, with the closest one', 's3:GetObjec', [], [`Amazon S3 has no action "GetObjec"; did you mean s3:GetObject? ${decidedAsWritten}`]],
    ['an action nothing is close to', 's3:Zzzzzz', [], [`Amazon S3 has no action "Zzzzzz". ${decidedAsWritten}`]],
    ['a misspelt service prefix', 'lambdaa:InvokeFunction', [], [`No AWS service has the prefix "lambdaa"; did you mean lambda:InvokeFunction? ${decidedAsWritten}`]],
    ['no service at all', 'GetObject', [], ['"GetObject" is not an action: write it as service:action, e.g. s3:GetObject.']],
    ['global and service keys as the reference spells them, or in another case', 's3:ListBucket', [['aws:sourceip', '192.0.2.1'], ['s3:prefix', 'a/'], ['aws:PrincipalTag/team', 'x'], ['aws:RequestTag/env', 'dev']], []],
    ['a misspelt global key, once however often it is given', 's3:GetObject', [['aws:SorceIp', '192.0.2.1'], ['AWS:SORCEIP', '192.0.2.2']], ['"aws:SorceIp" is not a global condition key; did you mean aws:SourceIp? No condition reads it as given.']],
    ['a misspelt key of a known service', 's3:ListBucket', [['s3:prefx', 'a/']], ['"s3:prefx" is not a condition key of Amazon S3; did you mean s3:prefix? No condition reads it as given.']],
    ['keys of prefixes the data does not list, and identity providers\' claims, are left alone', 's3:GetObject', [['acme:team', 'x'], ['accounts.google.com:aud', 'x'], ['token.actions.githubusercontent.com:sub', 'repo:o/r:ref:refs/heads/main']], []],
  ];
  for (const [name, action, context, expected] of cases) it(name, () => assert.deepEqual(requestNotes({ action, resource: '*', context }), expected));

  const resources: ReadonlyArray<readonly [string, string, string, string | undefined]> = [
    ['an object action on a bucket\'s ARN (the classic missing /*)', 's3:GetObject', 'arn:aws:s3:::example-bucket', 's3:GetObject acts on accesspointobject (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), object (arn:${Partition}:s3:::${BucketName}/${ObjectName}); "arn:aws:s3:::example-bucket" is none of them, so AWS never asks for it on this resource. Decided as written.'],
    ['an object action on an object', 's3:GetObject', 'arn:aws:s3:::example-bucket/report.csv', undefined],
    ['a bucket action on a bucket', 's3:ListBucket', 'arn:aws:s3:::example-bucket', undefined],
    ['another service\'s resource', 'dynamodb:GetItem', 'arn:aws:s3:::example-bucket/x', 'dynamodb:GetItem acts on table (arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}); "arn:aws:s3:::example-bucket/x" is none of them, so AWS never asks for it on this resource. Decided as written.'],
    ['a pattern, which may mean any of them', 's3:GetObject', 'arn:aws:s3:::example-*', undefined],
    ['an action of no resource type', 's3:ListAllMyBuckets', 'arn:aws:s3:::example-bucket', undefined],
  ];
  for (const [name, action, resource, expected] of resources) {
    it(`resource: ${name}`, () => assert.deepEqual(requestNotes({ action, resource, context: [] }), expected === undefined ? [] : [expected]));
  }
});
