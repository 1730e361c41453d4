import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

checkTable('edge.function-runtime', {
  valid: [
    { name: 'Node.js', fileName: yamlFile, text: yamlTemplate() },
    { name: 'Python', fileName: jsonFile, text: jsonTemplate({ fn: { Runtime: 'python3.12' } }) },
  ],
  invalid: [
    { name: 'JSON: Java', fileName: jsonFile, text: jsonTemplate({ fn: { Runtime: 'java21' } }), findings: [{ at: '"java21"', message: 'Lambda@Edge runs Node.js and Python functions only; DynamicOrigin uses java21.' }] },
    { name: 'YAML: a custom runtime from Globals', fileName: yamlFile, text: yamlTemplate({ globals: 'Globals:\n  Function:\n    Runtime: provided.al2023\n' }).replace('      Runtime: nodejs20.x\n', ''), findings: [{ at: 'provided.al2023', message: /uses provided.al2023 \(from Globals\)/ }] },
  ],
});
