import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { propertyNode } from '../../document/tree';
import type { Node } from 'jsonc-parser';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix, toStringFix } from '../event/edits';
import { fieldSpecs, type JsonType, type ObjectKind } from '../event/fields';
import { describeValue } from '../event/names';
import { edgeRecords, eventObjects } from '../event/records';

/** Fields whose values other checks judge as a whole (type included). */
const judgedElsewhere: Readonly<Partial<Record<ObjectKind, ReadonlySet<string>>>> = {
  config: new Set(['eventType']),
  response: new Set(['status']),
  request: new Set(['querystring']),
};

const typeNames: Readonly<Record<JsonType, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/** Every documented field holds the JSON type CloudFront sends (strings stay strings, numbers numbers). */
export const fieldType = defineCheck({
  id: 'edge.field-type',
  scope: 'edge-event',
  severity: 'error',
  title: 'A field holds a different JSON type than CloudFront sends.',
  docs: edgeDocs.eventStructure,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      for (const object of eventObjects(record)) {
        for (const [name, spec] of Object.entries(fieldSpecs[object.kind])) {
          const value = propertyNode(object.node, name)?.children?.[1];
          if (!value || value.type === spec.type || judgedElsewhere[object.kind]?.has(name)) continue;
          const fix = spec.type === 'string' ? toStringFix(value) : spec.type === 'number' ? toNumberFix(value) : undefined;
          yield {
            range: rangeOf(value),
            message: `"${name}" must be ${typeNames[spec.type]}, not ${describeValue(value)}.`,
            ...(fix ? { fixes: [fix] } : {}),
          };
        }
      }
    }
  },
});

/** `"443"` → `443`: origin settings are numbers. */
function toNumberFix(node: Node): Fix | undefined {
  if (node.type !== 'string' || !/^\d+$/.test(String(node.value))) return undefined;
  return replaceFix('Turn the string into a number', node, String(Number(node.value)));
}
