import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { originKindProblems } from '../event/origin-rules';
import { edgeRecords, eventObjects } from '../event/records';

/** `request.origin` holds exactly one of `custom` and `s3`, as CloudFront always sends. */
export const originKind = defineCheck({
  id: 'edge.origin-kind',
  scope: 'edge-event',
  severity: 'error',
  title: 'The origin has both a custom and an S3 origin, or neither.',
  docs: `${edgeDocs.eventStructure}#lambda-event-content-based-routing`,
  *run({ region }): Iterable<Report> {
    for (const object of edgeRecords(region).flatMap(eventObjects)) {
      if (object.kind !== 'origin') continue;
      for (const { node, message } of originKindProblems(object.node, object.key)) yield { range: rangeOf(node), message };
    }
  },
});
