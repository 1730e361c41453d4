import { checkTable } from '../check-table';

const policy = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

checkTable('json.syntax', {
  valid: [
    { name: 'a policy', text: policy('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}') },
    { name: 'comments in a file that is none of ours (JSONC)', text: '{\n  // compiler options\n  "compilerOptions": {},\n}' },
    { name: 'an empty document', text: '' },
  ],
  invalid: [
    { name: 'missing value', text: '{"a": ', findings: [{ at: '', offset: 6, message: 'Expected a value.' }] },
    {
      name: 'trailing comma in a policy',
      text: '{"Statement": []\n,}',
      findings: [{ at: ',', message: /Trailing commas/, fixes: ['Remove the trailing comma'] }],
    },
    {
      name: 'comment in a policy',
      text: '{"Version": "2012-10-17", /* why */ "Statement": []}',
      findings: [{ at: '/* why */', message: /Comments are not allowed/ }],
    },
    { name: 'unterminated string', text: '{"Version": "2012-10-17}', findings: [{ at: '"2012-10-17}', message: 'Unterminated string.' }] },
  ],
});
