import type { Node } from 'jsonc-parser';
import type { DocumentRegion } from '../../language/classify';
import { elements, properties, propertyNode, propertyValue, stringValue } from '../../document/tree';
import type { HeaderMapPlace } from '../model/headers';
import { isTrigger, triggerFromFields, type Trigger } from '../model/triggers';
import type { ObjectKind } from './fields';

/** One `Records[i].cf` of a Lambda@Edge event, with the trigger it stands for. */
export interface EdgeRecord {
  /** The `cf` object and its key (the place to report what the whole record lacks). */
  readonly cf: Node;
  readonly cfKey: Node;
  readonly config: Node | undefined;
  readonly request: Node | undefined;
  readonly response: Node | undefined;
  /** The `eventType` value node, when there is one. */
  readonly eventType: Node | undefined;
  /** The trigger `eventType` names, when it names one. */
  readonly declared: Trigger | undefined;
  /** The trigger the fields present describe (a response, an origin). */
  readonly inferred: Trigger;
  /**
   * The trigger the trigger-specific checks use: the declared one when it
   * agrees with the fields, the inferred one when there is no valid
   * `eventType`, and undefined when the two disagree (`edge.event-type` reports that).
   */
  readonly trigger: Trigger | undefined;
}

/** An object of the event in its role, and the key naming it (where findings about it point). */
export interface EventObject {
  readonly kind: ObjectKind;
  readonly node: Node;
  readonly key: Node;
  readonly record: EdgeRecord;
}

/** A header map: `request.headers`, `response.headers` or an origin's `customHeaders`. */
export interface HeaderMap {
  readonly node: Node;
  readonly place: HeaderMapPlace;
  readonly record: EdgeRecord;
}

const cache = new WeakMap<Node, readonly EdgeRecord[]>();

/** The records of a Lambda@Edge event region; empty for a CloudFront Functions event. */
export function edgeRecords(region: DocumentRegion): readonly EdgeRecord[] {
  if (region.shape !== 'lambda-edge-event') return [];
  let records = cache.get(region.node);
  if (!records) {
    records = elements(propertyValue(region.node, 'Records')).flatMap((record) => {
      const cfProperty = propertyNode(record, 'cf');
      const cf = cfProperty?.children?.[1];
      const cfKey = cfProperty?.children?.[0];
      return cf?.type === 'object' && cfKey ? [recordOf(cf, cfKey)] : [];
    });
    cache.set(region.node, records);
  }
  return records;
}

function recordOf(cf: Node, cfKey: Node): EdgeRecord {
  const config = objectValue(cf, 'config');
  const request = objectValue(cf, 'request');
  const response = objectValue(cf, 'response');
  const eventType = propertyValue(config, 'eventType');
  const declaredValue = stringValue(eventType);
  const declared = isTrigger(declaredValue) ? declaredValue : undefined;
  const hasOrigin = propertyValue(request, 'origin') !== undefined;
  const inferred = triggerFromFields(propertyValue(cf, 'response') !== undefined, hasOrigin);
  const trigger = declared === undefined ? inferred : agrees(declared, inferred, request !== undefined) ? declared : undefined;
  return { cf, cfKey, config, request, response, eventType, declared, inferred, trigger };
}

/** Without a request there is no `origin` to go by, so only request/response must agree. */
function agrees(declared: Trigger, inferred: Trigger, hasRequest: boolean): boolean {
  if (declared === inferred) return true;
  if (hasRequest) return false;
  const isResponse = (t: Trigger) => t.endsWith('-response');
  return isResponse(declared) === isResponse(inferred);
}

function objectValue(node: Node | undefined, key: string): Node | undefined {
  const value = propertyValue(node, key);
  return value?.type === 'object' ? value : undefined;
}

/** Every object of a record in its role: cf, config, request, body, origin and its custom/s3 part, response. */
export function eventObjects(record: EdgeRecord): EventObject[] {
  const out: EventObject[] = [{ kind: 'cf', node: record.cf, key: record.cfKey, record }];
  const add = (kind: ObjectKind, parent: Node | undefined, name: string): Node | undefined => {
    const property = propertyNode(parent, name);
    const node = property?.children?.[1];
    const key = property?.children?.[0];
    if (node?.type !== 'object' || !key) return undefined;
    out.push({ kind, node, key, record });
    return node;
  };
  add('config', record.cf, 'config');
  const request = add('request', record.cf, 'request');
  add('body', request, 'body');
  const origin = add('origin', request, 'origin');
  add('custom-origin', origin, 'custom');
  add('s3-origin', origin, 's3');
  add('response', record.cf, 'response');
  return out;
}

/** The header maps of a record that are objects (a map of another type is `edge.field-type`'s business). */
export function headerMaps(record: EdgeRecord): HeaderMap[] {
  const out: HeaderMap[] = [];
  const add = (node: Node | undefined, place: HeaderMapPlace) => {
    if (node?.type === 'object') out.push({ node, place, record });
  };
  add(propertyValue(record.request, 'headers'), 'request');
  add(propertyValue(record.response, 'headers'), 'response');
  const origin = propertyValue(record.request, 'origin');
  for (const kind of ['custom', 's3']) add(propertyValue(propertyValue(origin, kind), 'customHeaders'), 'origin');
  return out;
}

/** One header of a map: its name, key node, and the entry value (an array, when well formed). */
export interface HeaderEntry {
  readonly name: string;
  readonly key: Node;
  readonly value: Node;
  readonly map: HeaderMap;
}

export function headerEntries(map: HeaderMap): HeaderEntry[] {
  return properties(map.node).map(({ key, value, name }) => ({ name, key, value, map }));
}

/** The `{key?, value}` objects of a well-formed header entry. */
export function headerItems(entry: HeaderEntry): Node[] {
  return elements(entry.value).filter((item) => item.type === 'object');
}

/** Every header map of a region: a Lambda@Edge event's, or a CloudFront Functions event's `request`/`response` headers. */
export function regionHeaderMaps(region: DocumentRegion): Array<{ node: Node; place: HeaderMapPlace; record: EdgeRecord | undefined }> {
  if (region.shape === 'cloudfront-functions-event') {
    return (['request', 'response'] as const).flatMap((place) => {
      const node = propertyValue(propertyValue(region.node, place), 'headers');
      return node?.type === 'object' ? [{ node, place, record: undefined }] : [];
    });
  }
  return edgeRecords(region).flatMap(headerMaps);
}
