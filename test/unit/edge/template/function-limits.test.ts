import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

const overViewer = yamlTemplate({ fn: '      Timeout: 10\n      MemorySize: 256\n' });
const originResponse = '            - EventType: origin-response\n              LambdaFunctionARN: !Ref DynamicOrigin.Version';

checkTable('edge.function-limits', {
  valid: [
    { name: 'viewer trigger at the ceilings', fileName: yamlFile, text: yamlTemplate({ fn: '      Timeout: 5\n      MemorySize: 128\n' }) },
    { name: 'origin trigger at its ceilings', fileName: yamlFile, text: yamlTemplate({ fn: '      Timeout: 30\n      MemorySize: 10240\n', association: originResponse }) },
    { name: 'a timeout from a parameter is not judged', fileName: yamlFile, text: yamlTemplate({ fn: '      Timeout: !Ref T\n' }) },
  ],
  invalid: [
    {
      name: 'YAML: viewer trigger over 5 s and 128 MB',
      fileName: yamlFile,
      text: overViewer,
      findings: [
        { at: '10', offset: overViewer.indexOf('Timeout: 10') + 9, message: 'DynamicOrigin runs on viewer-request, where Lambda@Edge allows at most 5 seconds (this is 10).' },
        { at: '256', message: 'DynamicOrigin runs on viewer-request, where Lambda@Edge allows at most 128 MB (this is 256).' },
      ],
    },
    {
      name: 'YAML: a Globals timeout over the origin ceiling',
      fileName: yamlFile,
      text: yamlTemplate({ globals: 'Globals:\n  Function:\n    Timeout: 60\n', association: originResponse }),
      findings: [{ at: '60', message: /at most 30 seconds \(this is 60, from Globals\)/ }],
    },
    { name: 'JSON: viewer trigger over 5 s', fileName: jsonFile, text: jsonTemplate({ fn: { Timeout: 6 } }), findings: [{ at: '6', offset: jsonTemplate({ fn: { Timeout: 6 } }).indexOf('"Timeout": 6') + 11, message: /at most 5 seconds/ }] },
  ],
});
