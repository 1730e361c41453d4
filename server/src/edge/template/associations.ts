import type { Node } from 'jsonc-parser';
import { elements, propertyNode, propertyValue, stringValue } from '../../document/tree';
import type { RegionContext } from '../../language/check';
import { functionTypes, getAttParts, referencedId, templateResources, type TemplateResource } from '../../template';
import { isTrigger, type Trigger } from '../model/triggers';

/** What a `LambdaFunctionARN` value names. */
export type FunctionReference =
  /** A numbered version: a `AWS::Lambda::Version` resource, or SAM's `Fn.Version` (AutoPublishAlias). */
  | { readonly kind: 'version'; readonly functionId: string }
  /** The function itself (`!GetAtt Fn.Arn`, `!Ref Fn`): CloudFront refuses it. */
  | { readonly kind: 'unqualified'; readonly functionId: string; readonly how: string }
  /** An alias (`Fn.Alias`, an `AWS::Lambda::Alias`): CloudFront refuses it. */
  | { readonly kind: 'alias'; readonly functionId: string | undefined; readonly how: string }
  /** A literal ARN: judged by its qualifier. */
  | { readonly kind: 'literal'; readonly arn: string }
  /** Something this file cannot resolve (an import, a parameter): never judged. */
  | { readonly kind: 'unknown' };

/** One `LambdaFunctionAssociations` entry of one cache behaviour. */
export interface EdgeAssociation {
  readonly trigger: Trigger | undefined;
  readonly eventTypeNode: Node | undefined;
  readonly arnNode: Node | undefined;
  readonly includeBody: Node | undefined;
  readonly reference: FunctionReference;
  /** The function resource it runs, when the template holds it. */
  readonly fn: TemplateResource | undefined;
}

/** A cache behaviour (the default one or one of `CacheBehaviors`) and its associations. */
export interface CacheBehaviour {
  readonly distribution: TemplateResource;
  readonly node: Node;
  readonly associations: readonly EdgeAssociation[];
}

/** The Lambda@Edge wiring of one template: its resources, SAM's Globals, and every association. */
export interface EdgeTemplate {
  readonly resources: ReadonlyMap<string, TemplateResource>;
  /** SAM's `Globals.Function`, which every `AWS::Serverless::Function` inherits. */
  readonly functionGlobals: Node | undefined;
  readonly behaviours: readonly CacheBehaviour[];
}

const cache = new WeakMap<Node, EdgeTemplate>();

/** The template's Lambda@Edge wiring, read once per analysis and shared by the checks. */
export function edgeTemplateOf(context: RegionContext): EdgeTemplate {
  const root = context.region.node;
  let template = cache.get(root);
  if (!template) {
    template = readTemplate(root);
    cache.set(root, template);
  }
  return template;
}

function readTemplate(root: Node): EdgeTemplate {
  const resources = templateResources(root);
  const functionGlobals = propertyValue(propertyValue(root, 'Globals'), 'Function');
  const behaviours: CacheBehaviour[] = [];
  for (const distribution of resources.values()) {
    if (distribution.type !== 'AWS::CloudFront::Distribution') continue;
    const config = propertyValue(distribution.properties, 'DistributionConfig');
    const nodes = [propertyValue(config, 'DefaultCacheBehavior'), ...elements(propertyValue(config, 'CacheBehaviors'))];
    for (const node of nodes) {
      if (node?.type !== 'object') continue;
      const associations = elements(propertyValue(node, 'LambdaFunctionAssociations')).map((entry) => readAssociation(entry, resources));
      behaviours.push({ distribution, node, associations });
    }
  }
  return { resources, functionGlobals, behaviours };
}

function readAssociation(entry: Node, resources: ReadonlyMap<string, TemplateResource>): EdgeAssociation {
  const eventTypeNode = propertyValue(entry, 'EventType');
  const eventType = stringValue(eventTypeNode);
  const arnNode = propertyValue(entry, 'LambdaFunctionARN');
  const reference = arnNode ? referenceOf(arnNode, resources) : ({ kind: 'unknown' } as const);
  const functionId = 'functionId' in reference ? reference.functionId : undefined;
  const fn = functionId !== undefined ? resources.get(functionId) : undefined;
  return {
    trigger: isTrigger(eventType) ? eventType : undefined,
    eventTypeNode,
    arnNode,
    includeBody: propertyValue(entry, 'IncludeBody'),
    reference,
    fn: fn && functionTypes.has(fn.type) ? fn : undefined,
  };
}

/** What an ARN value points at: `Ref`/`Fn::GetAtt` in either form are followed through the template's resources. */
function referenceOf(node: Node, resources: ReadonlyMap<string, TemplateResource>): FunctionReference {
  const literal = stringValue(node);
  if (literal !== undefined) return { kind: 'literal', arn: literal };
  const ref = stringValue(propertyValue(node, 'Ref'));
  if (ref !== undefined) return referenceOfRef(ref, resources);
  const getAtt = propertyValue(node, 'Fn::GetAtt');
  if (getAtt) {
    const [resource, attribute] = getAttParts(getAtt);
    const target = resource !== undefined ? resources.get(resource) : undefined;
    if (target && functionTypes.has(target.type) && attribute === 'Arn') return { kind: 'unqualified', functionId: target.id, how: `!GetAtt ${resource}.Arn` };
    if (target?.type === 'AWS::Lambda::Version') return { kind: 'version', functionId: functionOfVersion(target) ?? '' };
  }
  return { kind: 'unknown' };
}

function referenceOfRef(ref: string, resources: ReadonlyMap<string, TemplateResource>): FunctionReference {
  // SAM's AutoPublishAlias adds `Fn.Version` (a numbered version) and `Fn.Alias`.
  const dotted = /^(.+)\.(Version|Alias)$/.exec(ref);
  if (dotted?.[1] !== undefined && resources.has(dotted[1])) {
    return dotted[2] === 'Version' ? { kind: 'version', functionId: dotted[1] } : { kind: 'alias', functionId: dotted[1], how: `!Ref ${ref}` };
  }
  const target = resources.get(ref);
  if (!target) return { kind: 'unknown' };
  if (target.type === 'AWS::Lambda::Version') return { kind: 'version', functionId: functionOfVersion(target) ?? '' };
  if (target.type === 'AWS::Lambda::Alias') return { kind: 'alias', functionId: referencedId(propertyValue(target.properties, 'FunctionName')), how: `!Ref ${ref}` };
  if (functionTypes.has(target.type)) return { kind: 'unqualified', functionId: target.id, how: `!Ref ${ref}` };
  return { kind: 'unknown' };
}

function functionOfVersion(version: TemplateResource): string | undefined {
  return referencedId(propertyValue(version.properties, 'FunctionName'));
}


/** A function setting as written: its key and value, and whether it comes from SAM's Globals. */
export interface FunctionSetting {
  readonly key: Node;
  readonly value: Node;
  readonly inherited: boolean;
}

/** A function setting as the function gets it: its own property, else SAM's Globals (for SAM functions). */
export function functionSetting(template: EdgeTemplate, fn: TemplateResource, name: string): FunctionSetting | undefined {
  const own = propertyNode(fn.properties, name);
  const property = own ?? (fn.type === 'AWS::Serverless::Function' ? propertyNode(template.functionGlobals, name) : undefined);
  const [key, value] = property?.children ?? [];
  return key && value ? { key, value, inherited: !own } : undefined;
}

/** A function of the template that CloudFront runs, with every trigger it is associated with. */
export interface EdgeFunction {
  readonly fn: TemplateResource;
  readonly triggers: ReadonlySet<Trigger>;
  /** The first association naming it: where a finding about the function as a whole points when the function has no better place. */
  readonly association: EdgeAssociation;
}

/** Each associated function once, whatever number of behaviours run it. */
export function edgeFunctions(template: EdgeTemplate): readonly EdgeFunction[] {
  const byId = new Map<string, { fn: TemplateResource; triggers: Set<Trigger>; association: EdgeAssociation }>();
  for (const behaviour of template.behaviours) {
    for (const association of behaviour.associations) {
      if (!association.fn) continue;
      const entry = byId.get(association.fn.id) ?? { fn: association.fn, triggers: new Set<Trigger>(), association };
      if (association.trigger) entry.triggers.add(association.trigger);
      byId.set(association.fn.id, entry);
    }
  }
  return [...byId.values()];
}
