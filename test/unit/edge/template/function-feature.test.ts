import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

checkTable('edge.function-feature', {
  valid: [
    { name: 'YAML: a plain edge function', fileName: yamlFile, text: yamlTemplate() },
    { name: 'JSON: a plain edge function', fileName: jsonFile, text: jsonTemplate() },
    { name: 'x86_64 named explicitly', fileName: yamlFile, text: yamlTemplate({ fn: '      Architectures: [x86_64]\n' }) },
  ],
  invalid: [
    {
      name: 'YAML: environment variables, layers and a VPC',
      fileName: yamlFile,
      text: yamlTemplate({ fn: '      Environment:\n        Variables: {A: b}\n      Layers: [!Ref Layer]\n      VpcConfig: {SubnetIds: []}\n' }),
      findings: [{ at: 'Environment', message: /^Lambda@Edge functions cannot use environment variables; DynamicOrigin runs at the edge/ }, { at: 'Layers', message: /layers/ }, { at: 'VpcConfig', message: /a VPC/ }],
    },
    {
      name: 'YAML: environment inherited from Globals',
      fileName: yamlFile,
      text: yamlTemplate({ globals: 'Globals:\n  Function:\n    Environment:\n      Variables: {A: b}\n' }),
      findings: [{ at: 'Environment', message: /environment variables \(set in Globals\)/ }],
    },
    { name: 'YAML: arm64', fileName: yamlFile, text: yamlTemplate({ fn: '      Architectures:\n        - arm64\n' }), findings: [{ at: 'arm64', message: /x86_64 functions only/ }] },
    {
      name: 'JSON: a dead-letter queue, a container image',
      fileName: jsonFile,
      text: jsonTemplate({ fn: { DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:1:q' }, PackageType: 'Image' } }),
      findings: [{ at: '"DeadLetterConfig"', message: /a dead-letter queue/ }, { at: '"Image"', message: /container images/ }],
    },
  ],
});
