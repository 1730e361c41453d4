import { defineCheck, type Report } from '../../language/check';
import { propertyNode } from '../../json/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { edgeRecords, eventObjects } from '../event/records';

/** `request.origin` holds exactly one of `custom` and `s3`. */
export const originKind = defineCheck({
  id: 'edge.origin-kind',
  scope: 'edge-event',
  severity: 'error',
  title: 'The origin has both a custom and an S3 origin, or neither.',
  docs: `${edgeDocs.eventStructure}#lambda-event-content-based-routing`,
  *run({ region }): Iterable<Report> {
    for (const object of edgeRecords(region).flatMap(eventObjects)) {
      if (object.kind !== 'origin') continue;
      const custom = propertyNode(object.node, 'custom')?.children?.[0];
      const s3 = propertyNode(object.node, 's3')?.children?.[0];
      if (custom && s3) {
        const second = custom.offset > s3.offset ? custom : s3;
        yield { range: rangeOf(second), message: 'An origin is either "custom" or "s3", not both: CloudFront sends one, and a function may set only one.' };
      } else if (!custom && !s3) {
        yield { range: rangeOf(object.key), message: 'The origin holds neither "custom" nor "s3"; CloudFront always sends exactly one.' };
      }
    }
  },
});
