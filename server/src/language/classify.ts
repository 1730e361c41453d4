import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { elements, properties, propertyValue, stringValue } from '../document/tree';

/**
 * The kind of document a region holds: `template` for the core's own (a whole
 * CloudFormation/SAM template or serverless.yml), otherwise the kind a domain
 * names and detects. The core knows no domain's kinds.
 */
export type RegionKind = string;

/** How people keep a kind of document (a bare policy, CLI output, a template...); each domain names its own. */
export type RegionShape = string;

/** The core's own region kind: a whole template, for rules across its resources. */
export const templateKind = 'template';

/** Where, inside a parsed text, a domain's document sits, and in which shape. */
export interface DocumentRegion {
  readonly kind: RegionKind;
  readonly shape: RegionShape;
  /** The node holding the domain's document (an object, or a string holding JSON for `policy-string`). */
  readonly node: Node;
  readonly path: JSONPath;
}

/** The domain documents found in one text; empty when it is none of ours. */
export interface Classification {
  readonly regions: readonly DocumentRegion[];
}

/** What the core tells every domain's detector about the text. */
export interface DetectionContext {
  /** The template the text is, when it is one: `cloudformation-template` or `serverless-template`. */
  readonly template: RegionShape | undefined;
}

/** Finds a domain's documents in a tree. */
export type Detector = (root: Node, context: DetectionContext) => readonly DocumentRegion[];

/** Tells the AWS documents in a tree apart by content alone, whatever the file is called: the template, then each domain's. */
export function classify(root: Node | undefined, detectors: readonly Detector[]): Classification {
  if (!root) return { regions: [] };
  const template = templateShape(root);
  const regions: DocumentRegion[] = template ? [region(templateKind, template, root)] : [];
  for (const detect of detectors) regions.push(...detect(root, { template }));
  return { regions };
}

export function region(kind: RegionKind, shape: RegionShape, node: Node): DocumentRegion {
  return { kind, shape, node, path: getNodePath(node) };
}

/**
 * A CloudFormation or SAM template (recognised while still being written: a
 * `Resources` mapping is enough), or a Serverless Framework service.
 */
function templateShape(root: Node): RegionShape | undefined {
  if (root.type !== 'object') return undefined;
  if (propertyValue(root, 'service') && propertyValue(root, 'provider')?.type === 'object') return 'serverless-template';
  const resources = propertyValue(root, 'Resources');
  if (propertyValue(root, 'AWSTemplateFormatVersion') || isServerlessTransform(propertyValue(root, 'Transform'))) return 'cloudformation-template';
  if (resources?.type !== 'object') return undefined;
  const types = properties(resources).map(({ value }) => stringValue(propertyValue(value, 'Type')));
  return types.length === 0 || types.some((type) => type === undefined || /^(?:AWS|Alexa|Custom)::/.test(type)) ? 'cloudformation-template' : undefined;
}

function isServerlessTransform(node: Node | undefined): boolean {
  return [node, ...elements(node)].some((n) => stringValue(n)?.startsWith('AWS::Serverless') === true);
}
