import { propertyValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { edgeDocs } from '../model/docs';
import { edgeTemplateOf, type EdgeAssociation } from '../template/associations';

/**
 * `LambdaFunctionARN` names a numbered version in us-east-1: CloudFront
 * refuses `$LATEST`, an unqualified ARN and aliases.
 */
export const functionVersion = defineCheck({
  id: 'edge.function-version',
  scope: 'template',
  severity: 'error',
  title: 'A LambdaFunctionARN does not name a numbered function version.',
  docs: edgeDocs.versions,
  *run(context): Iterable<Report> {
    const template = edgeTemplateOf(context);
    const yaml = context.document.format === 'yaml';
    for (const behaviour of template.behaviours) {
      for (const association of behaviour.associations) {
        const report = problemOf(association, yaml);
        if (report) yield report;
      }
    }
  },
});

const suggestion = 'name a numbered version: !Ref Fn.Version with AutoPublishAlias (SAM), or an AWS::Lambda::Version resource';

function problemOf(association: EdgeAssociation, yaml: boolean): Report | undefined {
  const { arnNode, reference, fn } = association;
  if (!arnNode) return undefined;
  switch (reference.kind) {
    case 'version':
    case 'unknown':
      return undefined;
    case 'unqualified': {
      const published = fn?.type === 'AWS::Serverless::Function' && propertyValue(fn.properties, 'AutoPublishAlias') !== undefined;
      const target = `${reference.functionId}.Version`;
      const fixes: Fix[] = published
        ? [{ title: `Change to the published version (${target})`, edits: [{ offset: arnNode.offset, length: arnNode.length, newText: yaml ? `!Ref ${target}` : JSON.stringify({ Ref: target }) }], preferred: true }]
        : [];
      return { range: arnNode, message: `CloudFront runs numbered versions only: ${reference.how} is the function itself ($LATEST); ${suggestion}.`, fixes };
    }
    case 'alias':
      return { range: arnNode, message: `CloudFront refuses aliases (${reference.how}); ${suggestion}.` };
    case 'literal':
      return literalProblem(reference.arn, arnNode);
  }
}

function literalProblem(arn: string, range: { offset: number; length: number }): Report | undefined {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts[2] !== 'lambda') return undefined;
  if (parts[3] !== 'us-east-1') return { range, message: `Lambda@Edge functions are created in us-east-1 (N. Virginia), not ${parts[3] || 'an unnamed region'}.` };
  const qualifier = parts[7];
  if (qualifier !== undefined && /^\d+$/.test(qualifier)) return undefined;
  const what = qualifier === undefined ? 'an unqualified ARN ($LATEST)' : qualifier === '$LATEST' ? '$LATEST' : `the alias "${qualifier}"`;
  return { range, message: `CloudFront runs numbered versions only, not ${what}; ${suggestion}.` };
}
