import { defineCheck, type Report } from '../../language/check';
import { properties } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { fieldSpecs, functionsOnlyFields } from '../event/fields';
import { closestName } from '../event/names';
import { edgeRecords, eventObjects } from '../event/records';

const places: Readonly<Record<string, string>> = {
  cf: 'in a record',
  config: 'in config',
  request: 'in a request',
  response: 'in a response',
  body: 'in a request body',
  origin: 'in an origin',
  'custom-origin': 'in a custom origin',
  's3-origin': 'in an S3 origin',
};

/** Fields CloudFront never sends in an event of this trigger: typos, and fields of other triggers. */
export const unexpectedField = defineCheck({
  id: 'edge.unexpected-field',
  scope: 'edge-event',
  severity: 'warning',
  title: 'The event has a field CloudFront never sends for this trigger.',
  docs: edgeDocs.eventStructure,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      for (const object of eventObjects(record)) {
        const specs = fieldSpecs[object.kind];
        for (const { key, name } of properties(object.node)) {
          if (functionsOnlyFields[object.kind]?.has(name)) continue;
          const spec = specs[name];
          if (spec) {
            if (record.trigger && !spec.allowedIn.includes(record.trigger)) {
              yield { range: rangeOf(key), message: `${record.trigger} events have no "${name}" ${places[object.kind]}; only ${spec.allowedIn.join(' and ')} events do.` };
            }
            continue;
          }
          const suggestion = closestName(name, Object.keys(specs));
          yield {
            range: rangeOf(key),
            message: `Lambda@Edge events have no "${name}" ${places[object.kind]}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
            ...(suggestion ? { fixes: [replaceFix(`Rename to "${suggestion}"`, key, JSON.stringify(suggestion))] } : {}),
          };
        }
      }
    }
  },
});
