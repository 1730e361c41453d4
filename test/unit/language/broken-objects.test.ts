import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';

const service = createWorkbenchService();
const ids = (text: string) => service.analyze(text).findings.map((f) => f.id);

describe('findings while the text is momentarily broken', () => {
  const table: Array<[string, string, string[]]> = [
    ['a key being typed before Resource: no "Add a Resource element"', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject", "Res "Resource":"*"}]}', ['json.syntax', 'json.syntax', 'json.syntax', 'json.syntax']],
    ['a statement being typed at the end: the finished one keeps its findings', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjec","Resource":"*"}, {"Effect": "Allow", "Action": "s3:Get"', ['INVALID_ACTION', 'json.syntax']],
    ['a missing comma: the object it breaks is skipped', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject" "Resource":"*"}]}', ['json.syntax']],
    ['a trailing comma leaves the tree whole: findings stay', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjec","Resource":"*",}]}', ['INVALID_ACTION', 'json.syntax']],
  ];
  for (const [name, text, expected] of table) it(name, () => assert.deepEqual(ids(text), expected));
});
