import { parseJsonDocument } from './document/json';
import { classifyTree } from './workbench';

/**
 * Whether a JSON text could be the event a handler is invoked with: a valid
 * JSON object that the domains recognise as nothing, or only as a CloudFront
 * event. IAM policies, ALB configs and templates are JSON the event picker
 * should not offer.
 */
export function isEventShaped(text: string): boolean {
  const document = parseJsonDocument(text);
  if (document.syntaxProblems.length > 0 || document.root?.type !== 'object') return false;
  return classifyTree(document.root).regions.every((region) => region.kind === 'edge-event');
}
