import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

const getAttArn = jsonTemplate({ associations: [{ EventType: 'viewer-request', LambdaFunctionARN: { 'Fn::GetAtt': ['DynamicOrigin', 'Arn'] } }] });
const getAttStart = getAttArn.indexOf('{', getAttArn.indexOf('"LambdaFunctionARN"'));
const association = (arn: string) => `            - EventType: viewer-request\n              LambdaFunctionARN: ${arn}`;

checkTable('edge.function-version', {
  valid: [
    { name: "YAML: SAM's published version", fileName: yamlFile, text: yamlTemplate() },
    { name: 'JSON: a Version resource', fileName: jsonFile, text: jsonTemplate() },
    { name: 'a numbered literal ARN in us-east-1', fileName: yamlFile, text: yamlTemplate({ association: association('arn:aws:lambda:us-east-1:123456789012:function:f:3') }) },
    { name: 'an import is not judged', fileName: yamlFile, text: yamlTemplate({ association: association('!ImportValue EdgeFunctionVersion') }) },
  ],
  invalid: [
    {
      name: 'YAML: the function itself',
      fileName: yamlFile,
      text: yamlTemplate({ association: association('!GetAtt DynamicOrigin.Arn') }),
      findings: [{ at: '!GetAtt DynamicOrigin.Arn', message: /^CloudFront runs numbered versions only: !GetAtt DynamicOrigin.Arn is the function itself/, fixes: ['Change to the published version (DynamicOrigin.Version)'] }],
    },
    { name: 'YAML: an alias', fileName: yamlFile, text: yamlTemplate({ association: association('!Ref DynamicOrigin.Alias') }), findings: [{ at: '!Ref DynamicOrigin.Alias', message: /refuses aliases/ }] },
    {
      name: 'JSON: GetAtt Arn of a function without AutoPublishAlias (no fix)',
      fileName: jsonFile,
      text: getAttArn,
      findings: [{ at: getAttArn.slice(getAttStart, getAttArn.indexOf('}', getAttStart) + 1), fixes: [] }],
    },
    { name: '$LATEST', fileName: yamlFile, text: yamlTemplate({ association: association("'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST'") }), findings: [{ at: "'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST'", message: /not \$LATEST/ }] },
    { name: 'another region', fileName: yamlFile, text: yamlTemplate({ association: association('arn:aws:lambda:eu-west-1:123456789012:function:f:1') }), findings: [{ at: 'arn:aws:lambda:eu-west-1:123456789012:function:f:1', message: /us-east-1 \(N. Virginia\), not eu-west-1/ }] },
  ],
});
