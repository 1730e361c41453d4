import { defineCheck, type Report } from '../../language/check';
import { propertyNode, propertyValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { edgeRecords } from '../event/records';

/**
 * The docs' field list spells it `distributionID`, but CloudFront sends
 * `distributionId` (as the docs' examples show). Accepted, with a hint:
 * a handler reading `config.distributionId` gets undefined from this fixture.
 */
export const distributionIdSpelling = defineCheck({
  id: 'edge.distribution-id-spelling',
  scope: 'edge-event',
  severity: 'info',
  title: 'The config spells distributionId as the docs\' field list does (distributionID), not as CloudFront sends it.',
  docs: edgeDocs.configFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const key = propertyNode(record.config, 'distributionID')?.children?.[0];
      if (!key || propertyValue(record.config, 'distributionId') !== undefined) continue;
      yield {
        range: rangeOf(key),
        message: 'CloudFront sends "distributionId"; "distributionID" is how the docs\' field list spells it, so a handler reading config.distributionId gets undefined from this fixture.',
        fixes: [replaceFix('Rename to "distributionId"', key, '"distributionId"')],
      };
    }
  },
});
