import { getNodePath, getNodeValue, type Node } from 'jsonc-parser';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import type { SourceDocument } from '../../document/model';
import { propertyValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { aTrigger, triggers } from '../model/triggers';
import { rangeOf, setValueEdits } from '../event/edits';
import { fieldSpecs, type ObjectKind } from '../event/fields';
import { edgeRecords, eventObjects, type EventObject } from '../event/records';
import { configFor } from '../generate/placeholders';

const objectNames: Readonly<Record<ObjectKind, string>> = {
  cf: 'The record',
  config: 'The config',
  request: 'The request',
  response: 'The response',
  body: 'The body',
  origin: 'The origin',
  'custom-origin': 'The custom origin',
  's3-origin': 'The S3 origin',
};

/** Every field CloudFront always sends for the event's trigger is there. */
export const missingField = defineCheck({
  id: 'edge.missing-field',
  scope: 'edge-event',
  severity: 'error',
  title: 'A field CloudFront always sends for this trigger is missing.',
  docs: edgeDocs.eventStructure,
  *run({ document, region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      for (const object of eventObjects(record)) {
        // SAM CLI's generate-event still writes the older config: one finding says so, not one per field.
        if (object.kind === 'config' && isOlderConfig(object.node)) {
          yield olderConfigReport(document, object);
          continue;
        }
        for (const [name, spec] of Object.entries(fieldSpecs[object.kind])) {
          // Without an agreed trigger only what every event carries can be missing.
          const required = record.trigger ? spec.requiredIn.includes(record.trigger) : spec.requiredIn.length === triggers.length;
          if (!required || present(object.node, name)) continue;
          const fixes = object.kind === 'cf' && name === 'config' ? [addConfigFix(document, object)] : [];
          yield {
            range: rangeOf(object.key),
            message: `${objectNames[object.kind]} lacks "${name}", which CloudFront always sends${record.trigger && spec.requiredIn.length < triggers.length ? ` in ${record.trigger} events` : ''}.`,
            ...(fixes.length ? { fixes } : {}),
          };
        }
      }
    }
  },
});

/** A field counts as present under its documented alias too (`distributionID`). */
function present(node: Node, name: string): boolean {
  if (propertyValue(node, name) !== undefined) return true;
  return Object.entries(fieldSpecs.config).some(([alias, spec]) => spec.aliasOf === name && propertyValue(node, alias) !== undefined);
}

/** A config without eventType and requestId: the event shape CloudFront sent before it added them, which SAM CLI still generates. */
function isOlderConfig(config: Node): boolean {
  return !present(config, 'eventType') && !present(config, 'requestId');
}

function olderConfigReport(document: SourceDocument, config: EventObject): Report {
  const trigger = config.record.inferred;
  const full = configFor(trigger);
  const missing = Object.keys(full).filter((name) => !present(config.node, name));
  const path = getNodePath(config.node);
  return {
    range: rangeOf(config.key),
    message: `This is the older event shape (SAM CLI's generate-event writes it): CloudFront now also sends ${missing.map((m) => `"${m}"`).join(', ')} in config.`,
    fixes: [{
      title: `Add ${missing.join(', ')} (as ${aTrigger(trigger)} event)`,
      // One edit for the whole config: several insertions at one place would overlap.
      edits: setValueEdits(document, path, { ...full, ...(getNodeValue(config.node) as Record<string, unknown>) }),
      preferred: true,
    }],
  };
}

function addConfigFix(document: SourceDocument, cf: EventObject): Fix {
  const trigger = cf.record.trigger ?? cf.record.inferred;
  return {
    title: `Add a config for ${aTrigger(trigger)} event`,
    edits: setValueEdits(document, [...getNodePath(cf.node), 'config'], configFor(trigger), true),
    preferred: true,
  };
}
