import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../../server/src/workbench';
import { parseYamlDocument } from '../../../../server/src/document/yaml';
import { checkTable } from '../../check-table';
import { jsonFile, jsonTemplate, yamlFile, yamlTemplate } from './templates';

checkTable('edge.execution-role-trust', {
  valid: [
    { name: 'YAML: both services', fileName: yamlFile, text: yamlTemplate() },
    { name: 'JSON: both services', fileName: jsonFile, text: jsonTemplate() },
  ],
  invalid: [
    {
      name: 'YAML: block list without edgelambda',
      fileName: yamlFile,
      text: yamlTemplate({ role: '              Service:\n                - lambda.amazonaws.com' }),
      findings: [{ at: '- lambda.amazonaws.com', message: /must trust lambda.amazonaws.com and edgelambda.amazonaws.com; it does not trust edgelambda.amazonaws.com/, fixes: ['Trust edgelambda.amazonaws.com'] }],
    },
    { name: 'JSON: a single service', fileName: jsonFile, text: jsonTemplate({ services: 'lambda.amazonaws.com' }), findings: [{ at: '"lambda.amazonaws.com"', fixes: ['Trust edgelambda.amazonaws.com'] }] },
    {
      name: "SAM's generated role",
      fileName: yamlFile,
      text: yamlTemplate().replace('      Role: !GetAtt EdgeRole.Arn\n', ''),
      findings: [{ at: 'DynamicOrigin', message: /SAM's generated role for DynamicOrigin trusts lambda.amazonaws.com only/ }],
    },
  ],
});

describe('edge.execution-role-trust quick fix', () => {
  const service = createWorkbenchService();
  const apply = (text: string, fileName: string): string => {
    const fix = service.analyze(text, undefined, fileName).findings.find((f) => f.id === 'edge.execution-role-trust')?.fixes?.[0];
    assert.ok(fix, 'a fix');
    return [...fix.edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
  };

  const table: ReadonlyArray<{ name: string; role: string; fixed: string }> = [
    { name: 'a block sequence keeps its style and indentation', role: '              Service:\n                - lambda.amazonaws.com', fixed: '              Service:\n                - lambda.amazonaws.com\n                - edgelambda.amazonaws.com' },
    { name: 'a flow sequence stays a flow sequence', role: '              Service: [lambda.amazonaws.com]', fixed: '              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]' },
    { name: 'a scalar becomes a flow sequence', role: '              Service: lambda.amazonaws.com', fixed: '              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]' },
  ];
  for (const { name, role, fixed } of table) {
    it(name, () => {
      const result = apply(yamlTemplate({ role }), yamlFile);
      assert.equal(result, yamlTemplate({ role: fixed }));
      assert.deepEqual(parseYamlDocument(result).syntaxProblems, []);
      assert.equal(service.analyze(result, undefined, yamlFile).findings.filter((f) => f.id === 'edge.execution-role-trust').length, 0);
    });
  }
});
