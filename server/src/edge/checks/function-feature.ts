import { elements, propertyValue, stringValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { edgeFunctions, edgeTemplateOf, functionSetting } from '../template/associations';

/** Function settings Lambda@Edge refuses, with what to say about each. */
const refusedSettings: ReadonlyArray<{ readonly name: string; readonly what: string }> = [
  { name: 'Environment', what: 'environment variables' },
  { name: 'VpcConfig', what: 'a VPC' },
  { name: 'Layers', what: 'layers' },
  { name: 'DeadLetterQueue', what: 'a dead-letter queue' },
  { name: 'DeadLetterConfig', what: 'a dead-letter queue' },
  { name: 'ProvisionedConcurrencyConfig', what: 'provisioned concurrency' },
  { name: 'FileSystemConfigs', what: 'file systems' },
];

/**
 * A function associated with a CloudFront distribution uses a Lambda feature
 * Lambda@Edge does not support: CloudFront refuses the association at deploy time.
 */
export const functionFeature = defineCheck({
  id: 'edge.function-feature',
  scope: 'template',
  severity: 'error',
  title: 'A function CloudFront runs uses a Lambda feature Lambda@Edge does not support.',
  docs: edgeDocs.lambdaFeatures,
  *run(context): Iterable<Report> {
    const template = edgeTemplateOf(context);
    for (const { fn } of edgeFunctions(template)) {
      const runsAt = `${fn.id} runs at the edge (a CloudFront LambdaFunctionAssociations entry names it)`;
      for (const { name, what } of refusedSettings) {
        const setting = functionSetting(template, fn, name);
        if (!setting || setting.value.type === 'null') continue;
        yield { range: setting.key, message: `Lambda@Edge functions cannot use ${what}${setting.inherited ? ' (set in Globals)' : ''}; ${runsAt}.` };
      }
      for (const architecture of elements(functionSetting(template, fn, 'Architectures')?.value)) {
        if (stringValue(architecture) === 'arm64') yield { range: architecture, message: `Lambda@Edge runs x86_64 functions only, not arm64; ${runsAt}.` };
      }
      const packageType = propertyValue(fn.properties, 'PackageType');
      if (stringValue(packageType) === 'Image' && packageType) {
        yield { range: packageType, message: `Lambda@Edge cannot run container images; ${runsAt}.` };
      }
    }
  },
});
