import { defineCheck, type Report } from '../../language/check';
import { headerAccess } from '../model/headers';
import { aTrigger } from '../model/triggers';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { edgeRecords, headerEntries, headerMaps } from '../event/records';

/**
 * CloudFront adds its own headers (`CloudFront-Viewer-Country`,
 * `CloudFront-Is-Mobile-Viewer`...) after the viewer request event: viewer
 * triggers see one only when the viewer sent a header of that name itself.
 */
export const headerNotForTrigger = defineCheck({
  id: 'edge.header-not-for-trigger',
  scope: 'edge-event',
  severity: 'warning',
  title: 'The event holds a header CloudFront adds only after the viewer request, in a viewer trigger\'s request.',
  docs: edgeDocs.cloudFrontHeaders,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const trigger = record.trigger;
      if (!trigger) continue;
      for (const entry of headerMaps(record).flatMap(headerEntries)) {
        if (headerAccess(trigger, entry.map.place, entry.name).kind !== 'not-yet-added') continue;
        yield {
          range: rangeOf(entry.key),
          message: `CloudFront adds "${entry.name}" after the viewer request event, so ${aTrigger(trigger)} function sees it only when the viewer sent it; origin triggers see CloudFront's value.`,
        };
      }
    }
  },
});
