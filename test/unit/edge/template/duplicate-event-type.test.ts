import { checkTable } from '../../check-table';
import { yamlFile, yamlTemplate } from './templates';

const entry = (type: string) => `            - EventType: ${type}\n              LambdaFunctionARN: !Ref DynamicOrigin.Version`;

checkTable('edge.duplicate-event-type', {
  valid: [{ name: 'one per event type', fileName: yamlFile, text: yamlTemplate({ association: `${entry('viewer-request')}\n${entry('origin-request')}` }) }],
  invalid: [
    { name: 'two on viewer-request', fileName: yamlFile, text: yamlTemplate({ association: `${entry('viewer-request')}\n${entry('viewer-request')}` }), findings: [{ at: 'viewer-request', occurrence: 1, message: /already runs a function on viewer-request/ }] },
  ],
});
