import { defineCheck, type Report } from '../../language/check';
import { edgeDocs } from '../model/docs';
import { triggers, type Trigger } from '../model/triggers';
import { rangeOf, replaceFix } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords, type EdgeRecord } from '../event/records';

/** `config.eventType` names one of the four triggers, and the one the event's fields describe. */
export const eventType = defineCheck({
  id: 'edge.event-type',
  scope: 'edge-event',
  severity: 'error',
  title: 'The eventType is not a Lambda@Edge trigger, or does not match the fields of the event.',
  docs: edgeDocs.configFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = record.eventType;
      if (!node) continue;
      const fix = replaceFix(`Change eventType to "${record.inferred}"`, node, JSON.stringify(record.inferred));
      if (record.declared === undefined) {
        yield {
          range: rangeOf(node),
          message: `eventType ${describeValue(node)} is not a Lambda@Edge event type; CloudFront sends ${triggers.join(', ')}.`,
          fixes: [fix],
        };
      } else if (record.trigger === undefined) {
        yield { range: rangeOf(node), message: `eventType "${record.declared}" does not match the event: ${disagreement(record, record.declared)}`, fixes: [fix] };
      }
    }
  },
});

function disagreement(record: EdgeRecord, declared: Trigger): string {
  const hasResponse = record.inferred.endsWith('-response');
  const declaredResponse = declared.endsWith('-response');
  if (hasResponse && !declaredResponse) return 'it has a response, which only origin-response and viewer-response events carry.';
  if (!hasResponse && declaredResponse) return `it has no response, which ${declared} events always carry.`;
  if (record.inferred.startsWith('origin')) return 'its request has an origin, which only origin-request and origin-response events carry.';
  return `its request has no origin, which ${declared} events always carry.`;
}

