import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

checkTable('edge.include-body', {
  valid: [
    { name: 'on viewer-request', fileName: yamlFile, text: yamlTemplate({ association: '            - EventType: viewer-request\n              IncludeBody: true\n              LambdaFunctionARN: !Ref DynamicOrigin.Version' }) },
    { name: 'false on a response trigger', fileName: jsonFile, text: jsonTemplate({ associations: [{ EventType: 'origin-response', IncludeBody: false, LambdaFunctionARN: { Ref: 'DynamicOriginVersion' } }] }) },
  ],
  invalid: [
    { name: 'YAML: on origin-response', fileName: yamlFile, text: yamlTemplate({ association: '            - {EventType: origin-response, IncludeBody: true, LambdaFunctionARN: !Ref DynamicOrigin.Version}' }), findings: [{ at: 'true', message: /CloudFront refuses it on origin-response/ }] },
  ],
});
