import { checkTable } from '../check-table';

checkTable('json.duplicate-key', {
  valid: [
    { name: 'distinct keys', text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}' },
    { name: 'a file that is none of ours', text: '{"name": "a", "name": "b"}' },
    { name: 'same key in sibling objects', text: '{"Statement": [{"Sid": "A"}, {"Sid": "B"}]}' },
  ],
  invalid: [
    {
      name: 'Effect twice',
      text: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}]}',
      findings: [{ at: '"Effect"', occurrence: 0, message: 'Duplicate key "Effect": this value is ignored and the later one is used.' }],
    },
    {
      name: 'three times flags the first two',
      text: '{"Statement": [], "Version": "2012-10-17", "Version": "2008-10-17", "Version": "2012-10-17"}',
      findings: [
        { at: '"Version"', occurrence: 0 },
        { at: '"Version"', occurrence: 1 },
      ],
    },
  ],
});
