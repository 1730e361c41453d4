import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { edgeTemplateOf } from '../template/associations';

/** One function per event type per cache behaviour: CloudFront refuses a second. */
export const duplicateEventType = defineCheck({
  id: 'edge.duplicate-event-type',
  scope: 'template',
  severity: 'error',
  title: 'A cache behaviour associates two functions with the same event type.',
  docs: edgeDocs.restrictions,
  *run(context): Iterable<Report> {
    for (const behaviour of edgeTemplateOf(context).behaviours) {
      const seen = new Set<string>();
      for (const { trigger, eventTypeNode } of behaviour.associations) {
        if (!trigger || !eventTypeNode) continue;
        if (seen.has(trigger)) yield { range: eventTypeNode, message: `This cache behaviour already runs a function on ${trigger}; CloudFront allows one per event type.` };
        seen.add(trigger);
      }
    }
  },
});
