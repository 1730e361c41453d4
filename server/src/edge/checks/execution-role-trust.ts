import type { Node } from 'jsonc-parser';
import { appendItemEdit, flowList } from '../../document/edits';
import type { SourceDocument } from '../../document/model';
import { elements, propertyValue, stringValue } from '../../document/tree';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { edgeDocs } from '../model/docs';
import { getAttParts, type TemplateResource } from '../../template';
import { edgeFunctions, edgeTemplateOf, functionSetting, type EdgeTemplate } from '../template/associations';

/** The two service principals a Lambda@Edge execution role must trust. */
const requiredServices = ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] as const;

/**
 * The execution role of a function CloudFront runs trusts both Lambda and
 * Lambda@Edge: CloudFront's replicas assume it as `edgelambda.amazonaws.com`.
 */
export const executionRoleTrust = defineCheck({
  id: 'edge.execution-role-trust',
  scope: 'template',
  severity: 'error',
  title: 'The execution role of a function CloudFront runs does not trust edgelambda.amazonaws.com and lambda.amazonaws.com.',
  docs: edgeDocs.executionRole,
  *run(context): Iterable<Report> {
    const template = edgeTemplateOf(context);
    const reported = new Set<Node>();
    for (const { fn } of edgeFunctions(template)) {
      const trust = trustPolicyOf(template, fn);
      if (trust.kind === 'unknown') continue;
      if (trust.kind === 'sam-generated') {
        yield { range: fn.key, message: `SAM's generated role for ${fn.id} trusts lambda.amazonaws.com only; Lambda@Edge also needs edgelambda.amazonaws.com: set AssumeRolePolicyDocument on the function or give it a Role.` };
        continue;
      }
      if (reported.has(trust.document)) continue;
      reported.add(trust.document);
      yield* trustProblems(context.document, trust.document, fn.id);
    }
  },
});

type Trust = { readonly kind: 'document'; readonly document: Node } | { readonly kind: 'sam-generated' } | { readonly kind: 'unknown' };

function trustPolicyOf(template: EdgeTemplate, fn: TemplateResource): Trust {
  const own = propertyValue(fn.properties, 'AssumeRolePolicyDocument');
  if (own) return { kind: 'document', document: own };
  const role = functionSetting(template, fn, 'Role')?.value;
  if (!role) return fn.type === 'AWS::Serverless::Function' ? { kind: 'sam-generated' } : { kind: 'unknown' };
  const getAtt = propertyValue(role, 'Fn::GetAtt');
  const [roleId] = getAtt ? getAttParts(getAtt) : [undefined];
  const resource = roleId !== undefined ? template.resources.get(roleId) : undefined;
  const document = resource?.type === 'AWS::IAM::Role' ? propertyValue(resource.properties, 'AssumeRolePolicyDocument') : undefined;
  return document?.type === 'object' ? { kind: 'document', document } : { kind: 'unknown' };
}

function* trustProblems(document: SourceDocument, policy: Node, functionId: string): Iterable<Report> {
  const statementNode = propertyValue(policy, 'Statement');
  const statements = statementNode?.type === 'array' ? elements(statementNode) : statementNode ? [statementNode] : [];
  const allowing = statements.filter((s) => stringValue(propertyValue(s, 'Effect')) === 'Allow');
  const serviceNodes = allowing.map((s) => propertyValue(propertyValue(s, 'Principal'), 'Service')).filter((n): n is Node => n !== undefined);
  const trusted = new Set(serviceNodes.flatMap((n) => (n.type === 'array' ? elements(n) : [n])).map((n) => stringValue(n)));
  const missing = requiredServices.filter((service) => !trusted.has(service));
  if (missing.length === 0) return;
  const target = serviceNodes[0];
  const message = `${functionId} runs at the edge, so its execution role must trust ${requiredServices.join(' and ')}; it does not trust ${missing.join(' or ')}.`;
  if (!target) {
    yield { range: statementNode ?? policy, message };
    return;
  }
  yield { range: target, message, fixes: [addServicesFix(document, target, missing)] };
}

function addServicesFix(document: SourceDocument, service: Node, missing: readonly string[]): Fix {
  const title = `Trust ${missing.join(' and ')}`;
  if (service.type === 'array') return { title, edits: missing.map((value) => appendItemEdit(document, service, value)), preferred: true };
  const values = [stringValue(service), ...missing].filter((v): v is string => v !== undefined);
  return { title, edits: [{ offset: service.offset, length: service.length, newText: flowList(document, values) }], preferred: true };
}
