import type { Node } from 'jsonc-parser';
import { elements, propertyValue } from '../document/tree';
import { region, type DocumentRegion } from '../language/classify';

/** The region kind of Lambda@Edge and CloudFront Functions event fixtures. */
export const edgeEventKind = 'edge-event';

export type EdgeShape = 'lambda-edge-event' | 'cloudfront-functions-event';

/** An event fixture is a whole document: a Lambda@Edge event (`Records[].cf`) or a CloudFront Functions event. */
export function detectEdgeEvent(root: Node): DocumentRegion[] {
  const shape = edgeShape(root);
  return shape ? [region(edgeEventKind, shape, root)] : [];
}

function edgeShape(root: Node): EdgeShape | undefined {
  const records = propertyValue(root, 'Records');
  if (elements(records).some((record) => propertyValue(record, 'cf')?.type === 'object')) return 'lambda-edge-event';
  const context = propertyValue(root, 'context');
  if (propertyValue(context, 'eventType') && (propertyValue(root, 'viewer') || propertyValue(root, 'request'))) {
    return 'cloudfront-functions-event';
  }
  return undefined;
}
