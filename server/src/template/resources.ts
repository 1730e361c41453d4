import type { Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';

/** A resource of a CloudFormation/SAM template, by logical id. */
export interface TemplateResource {
  readonly id: string;
  readonly type: string;
  /** The resource's `Properties` object, if it has one. */
  readonly properties: Node | undefined;
  /** The resource's `Metadata` (CDK writes its asset paths there). */
  readonly metadata: Node | undefined;
  /** The logical id's key node: where findings about the resource as a whole go. */
  readonly key: Node;
}

/** Every resource with a `Type`, in document order. */
export function templateResources(root: Node | undefined): ReadonlyMap<string, TemplateResource> {
  const resources = new Map<string, TemplateResource>();
  for (const { key, value, name } of properties(propertyValue(root, 'Resources'))) {
    const type = stringValue(propertyValue(value, 'Type'));
    if (type !== undefined) resources.set(name, { id: name, type, properties: propertyValue(value, 'Properties'), metadata: propertyValue(value, 'Metadata'), key });
  }
  return resources;
}

export const functionTypes: ReadonlySet<string> = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

/** `Fn::GetAtt` as `[resource, attribute]`, from its list or its dotted short form (`Fn.Arn`). */
export function getAttParts(node: Node): [string | undefined, string | undefined] {
  const dotted = stringValue(node);
  if (dotted !== undefined) {
    const dot = dotted.indexOf('.');
    return dot < 0 ? [dotted, undefined] : [dotted.slice(0, dot), dotted.slice(dot + 1)];
  }
  const [resource, attribute] = elements(node);
  return [stringValue(resource), stringValue(attribute)];
}

/** The logical id a `{"Ref": "X"}` or `{"Fn::GetAtt": ["X", ...]}` names. */
export function referencedId(node: Node | undefined): string | undefined {
  const ref = stringValue(propertyValue(node, 'Ref'));
  if (ref !== undefined) return ref;
  const getAtt = propertyValue(node, 'Fn::GetAtt');
  return getAtt ? getAttParts(getAtt)[0] : undefined;
}
