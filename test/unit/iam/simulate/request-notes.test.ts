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
  for (const [name, action, context, expected] of cases) it(name, () => assert.deepEqual(requestNotes({ action, context }), expected));
});
