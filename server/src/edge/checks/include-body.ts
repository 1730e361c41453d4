import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { isRequestTrigger } from '../model/triggers';
import { edgeTemplateOf } from '../template/associations';

/** `IncludeBody` exists for request triggers only: a response trigger never sees the request body. */
export const includeBody = defineCheck({
  id: 'edge.include-body',
  scope: 'template',
  severity: 'error',
  title: 'IncludeBody is set on a response trigger.',
  docs: edgeDocs.includeBody,
  *run(context): Iterable<Report> {
    for (const behaviour of edgeTemplateOf(context).behaviours) {
      for (const { includeBody: node, trigger } of behaviour.associations) {
        if (!node || node.value !== true || !trigger || isRequestTrigger(trigger)) continue;
        yield { range: node, message: `IncludeBody applies to viewer-request and origin-request only; CloudFront refuses it on ${trigger}.` };
      }
    }
  },
});
