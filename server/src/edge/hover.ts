import type { JSONPath } from 'jsonc-parser';
import type { CursorContext } from '../language/domain';
import type { HoverResult } from '../language/finding';
import { headerAccess, headerKeyAsSent, type HeaderMapPlace } from './model/headers';
import { edgeDocs } from './model/docs';
import { aTrigger, formatBytes, isRequestTrigger, limitsOf, type Trigger } from './model/triggers';
import { rangeOf } from './event/edits';
import { fieldSpecs, type ObjectKind } from './event/fields';
import { edgeRecords } from './event/records';

/** Hover on a Lambda@Edge event: what a field holds and who may change it; for a header, what this trigger may do with it. */
export function edgeHover(context: CursorContext): HoverResult | undefined {
  const { node, path, region } = context;
  if (!node || region.shape !== 'lambda-edge-event') return undefined;
  const rel = path.slice(region.path.length);
  const index = rel[1];
  if (rel[0] !== 'Records' || typeof index !== 'number' || rel[2] !== 'cf') return undefined;
  const record = edgeRecords(region).find((r) => r.cf.offset <= node.offset && node.offset < r.cf.offset + r.cf.length);
  const trigger = record?.trigger;
  const rest = rel.slice(3);
  const header = headerAt(rest);
  if (header) return { markdown: headerMarkdown(header.name, header.place, trigger), range: rangeOf(node) };
  const field = fieldAt(rest);
  if (!field) return undefined;
  const spec = fieldSpecs[field.kind][field.name];
  if (!spec) return undefined;
  const lines = [`**${field.label}** (${accessIn(field, spec.access, trigger)})`, '', spec.doc];
  if (field.kind === 'config' && field.name === 'eventType' && trigger) lines.push('', triggerMarkdown(trigger));
  lines.push('', `[${spec.docs === edgeDocs.queryStrings ? 'Restrictions on edge functions' : 'Lambda@Edge event structure'}](${spec.docs})`);
  return { markdown: lines.join('\n'), range: rangeOf(node) };
}

interface FieldAt {
  readonly kind: ObjectKind;
  readonly name: string;
  readonly label: string;
}

/** The documented field a path (below `cf`) falls in, the deepest one. */
function fieldAt(rest: JSONPath): FieldAt | undefined {
  const [first, second, third, fourth] = rest;
  if (typeof first !== 'string') return undefined;
  if (first === 'request' && second === 'origin' && (third === 'custom' || third === 's3') && typeof fourth === 'string') {
    return { kind: third === 'custom' ? 'custom-origin' : 's3-origin', name: fourth, label: `request.origin.${third}.${fourth}` };
  }
  if (first === 'request' && second === 'origin' && typeof third === 'string') return { kind: 'origin', name: third, label: `request.origin.${third}` };
  if (first === 'request' && second === 'body' && typeof third === 'string') return { kind: 'body', name: third, label: `request.body.${third}` };
  if ((first === 'config' || first === 'request' || first === 'response') && typeof second === 'string') return { kind: first, name: second, label: `${first}.${second}` };
  return { kind: 'cf', name: first, label: first };
}

/** The header a path (below `cf`) is in: a request or response header, or a custom origin header. */
function headerAt(rest: JSONPath): { name: string; place: HeaderMapPlace } | undefined {
  const [first, second, third] = rest;
  if ((first === 'request' || first === 'response') && second === 'headers' && typeof third === 'string') return { name: third, place: first };
  if (first === 'request' && rest[1] === 'origin' && rest[3] === 'customHeaders' && typeof rest[4] === 'string') return { name: rest[4], place: 'origin' };
  return undefined;
}

/** Request fields are the request trigger's to change; a response trigger returns only the response. */
function accessIn(field: FieldAt, access: string, trigger: Trigger | undefined): string {
  if (access === 'read-only' || !trigger) return access;
  if (field.label.startsWith('request') && !isRequestTrigger(trigger)) return `read-only in ${trigger}: the function returns the response`;
  if (field.label === 'request.querystring' || field.label === 'request.uri') return `read/write in ${trigger}`;
  return access;
}

function headerMarkdown(name: string, place: HeaderMapPlace, trigger: Trigger | undefined): string {
  const title = `**${headerKeyAsSent(name)}**${place === 'origin' ? ' (custom origin header)' : ''}`;
  if (!trigger) return `${title}\n\nThe event's trigger is unclear (see its eventType), so what a function may do with this header is too.`;
  const access = headerAccess(trigger, place, name);
  const link = (text: string, url: string) => `[${text}](${url})`;
  switch (access.kind) {
    case 'disallowed':
      return `${title} is a disallowed header: CloudFront never exposes it to edge functions, and a function that adds it fails validation (the viewer gets a 502).\n\n${link('Disallowed headers', edgeDocs.disallowedHeaders)}`;
    case 'read-only':
      return `${title} is read-only in ${trigger} events: the function can read it, but adding, changing or removing it fails validation (the viewer gets a 502).\n\n${link('Read-only headers', edgeDocs.readOnlyHeaders)}`;
    case 'not-yet-added':
      return `${title} is added by CloudFront after the viewer request event: ${aTrigger(trigger)} function sees it only when the viewer sent it${access.rejectedIfAdded ? ', and adding it fails validation (502)' : ''}.\n\n${link('CloudFront headers', edgeDocs.cloudFrontHeaders)}`;
    case 'read-write':
      if (place === 'request' && !isRequestTrigger(trigger)) return `${title} can be read in ${trigger} events; the function returns the response, so changes to request headers have no effect.`;
      return `${title} can be read, changed, added or removed by ${aTrigger(trigger)} function.\n\n${link('Restrictions on edge functions', edgeDocs.readOnlyHeaders)}`;
  }
}

function triggerMarkdown(trigger: Trigger): string {
  const limits = limitsOf(trigger);
  const memory = limits.memoryMB === undefined ? 'as in Lambda' : `${limits.memoryMB} MB`;
  const generates = isRequestTrigger(trigger) ? `; may return a generated response of up to ${formatBytes(limits.generatedResponseBytes)}` : '';
  return `${trigger}: timeout ${limits.timeoutSeconds} s, memory ${memory}${generates}.`;
}

