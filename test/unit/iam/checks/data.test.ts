import { checkTable } from '../../check-table';
import { escaped, policy, policyString, yamlTemplate } from '../policies';

const statement = (action: string) => `{"Effect": "Allow", "Action": ${action}, "Resource": "*"}`;

checkTable('INVALID_SERVICE_IN_ACTION', {
  valid: [
    { name: 'known services, any case', text: policy(statement('["s3:GetObject", "S3:getobject", "*", "lambda:*"]')) },
    { name: 'YAML: a known service', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: lambda:GetFunction', 'Resource: "*"') },
  ],
  invalid: [
    {
      name: 'a typo in the service prefix',
      text: policy(statement('"lamda:InvokeFunction"')),
      findings: [{ at: 'lamda', message: '"lamda" is not an AWS service prefix. Did you mean "lambda"?', fixes: ['Change to "lambda:InvokeFunction"'] }],
    },
    {
      name: 'a retired service (ReadOnlyAccess still names deepcomposer): an error, explained, no spelling fix',
      text: policy(statement('"deepcomposer:ListModels"')),
      findings: [{ at: 'deepcomposer', message: 'AWS DeepComposer ("deepcomposer") is no longer in the service authorization reference: the service was retired, so this action grants nothing.', fixes: [] }],
    },
    { name: 'YAML: a retired service', fileName: 'template.yaml', text: yamlTemplate('Effect: Allow', 'Action: [iot1click:ListProjects]', 'Resource: "*"'), findings: [{ at: 'iot1click', message: /^AWS IoT 1-Click \("iot1click"\) is no longer in the service authorization reference/ }] },
  ],
});

checkTable('INVALID_ACTION', {
  valid: [
    { name: 'actions and wildcards that exist', text: policy(statement('["s3:GetObject", "s3:Get*", "ec2:Describe*", "dynamodb:?etItem", "*"]')) },
    { name: 'NotAction', text: policy('{"Effect": "Deny", "NotAction": ["iam:*", "sts:GetCallerIdentity"], "Resource": "*"}') },
  ],
  invalid: [
    {
      name: 'a typo with a suggestion (AWS example: s3:GetObjectt)',
      text: policy(statement('["s3:GetObjectt"]')),
      findings: [{ at: '"s3:GetObjectt"', message: 'Amazon S3 has no action "GetObjectt". Did you mean "s3:GetObject"?', fixes: ['Change to "s3:GetObject"'] }],
    },
    { name: 'a wildcard that matches nothing', text: policy(statement('"s3:Fetch*"')), findings: [{ at: '"s3:Fetch*"', message: '"s3:Fetch*" matches no action of Amazon S3.' }] },
    { name: 'no colon', text: policy(statement('"GetObject"')), findings: [{ at: '"GetObject"', message: /write it as service:action/ }] },
    { name: 'nothing after the colon', text: policy(statement('"s3:"')), findings: [{ at: '"s3:"', message: /^"s3:" names no action: add one after the colon, e.g. "s3:/ }] },
    {
      name: 'inside a policy kept as a JSON string',
      text: policyString(policy(statement('"s3:GetObjectt"'))),
      findings: [{ at: escaped('"s3:GetObjectt"'), message: /Did you mean "s3:GetObject"/ }],
    },
  ],
});
