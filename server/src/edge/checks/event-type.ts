import { getNodePath, type Node } from 'jsonc-parser';
import type { SourceDocument } from '../../document/model';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { originObject } from '../generate/fixture';
import { edgeDocs } from '../model/docs';
import { isOriginTrigger, triggers, type Trigger } from '../model/triggers';
import { rangeOf, replaceFix, setValueEdits } from '../event/edits';
import { describeValue } from '../event/names';
import { edgeRecords, type EdgeRecord } from '../event/records';

/** `config.eventType` names one of the four triggers, and the one the event's fields describe. */
export const eventType = defineCheck({
  id: 'edge.event-type',
  scope: 'edge-event',
  severity: 'error',
  title: 'The eventType is not a Lambda@Edge trigger, or does not match the fields of the event.',
  docs: edgeDocs.configFields,
  *run({ document, region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = record.eventType;
      if (!node) continue;
      const fix = replaceFix(`Change eventType to "${record.inferred}"`, node, JSON.stringify(record.inferred), false);
      if (record.declared === undefined) {
        yield {
          range: rangeOf(node),
          message: `eventType ${describeValue(node)} is not a Lambda@Edge event type; CloudFront sends ${triggers.join(', ')}.`,
          fixes: [fix],
        };
      } else if (record.trigger === undefined) {
        const addOrigin = lacksOnlyOrigin(record, record.declared) && record.request ? [addOriginFix(document, record.request)] : [];
        yield { range: rangeOf(node), message: `eventType "${record.declared}" does not match the event: ${disagreement(record, record.declared)}`, fixes: [...addOrigin, { ...fix, preferred: addOrigin.length === 0 }] };
      }
    }
  },
});

/** An origin event whose request has no origin (it would otherwise agree): the origin is what is missing, not the eventType that is wrong. */
function lacksOnlyOrigin(record: EdgeRecord, declared: Trigger): boolean {
  return isOriginTrigger(declared) && record.inferred === declared.replace('origin-', 'viewer-');
}

function addOriginFix(document: SourceDocument, request: Node): Fix {
  return { title: 'Add an origin (a custom origin)', edits: setValueEdits(document, [...getNodePath(request), 'origin'], originObject('custom')), preferred: true };
}

function disagreement(record: EdgeRecord, declared: Trigger): string {
  const hasResponse = record.inferred.endsWith('-response');
  const declaredResponse = declared.endsWith('-response');
  if (hasResponse && !declaredResponse) return 'it has a response, which only origin-response and viewer-response events carry.';
  if (!hasResponse && declaredResponse) return `it has no response, which ${declared} events always carry.`;
  if (record.inferred.startsWith('origin')) return 'its request has an origin, which only origin-request and origin-response events carry.';
  return `its request has no origin, which ${declared} events always carry.`;
}

