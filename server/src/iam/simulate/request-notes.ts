import { arnFits } from '../arn-templates';
import { iamData } from '../data/iam-data';
import { closest } from '../suggest';
import type { SimulationRequest } from './request';

/**
 * What a request names that the IAM reference data does not know: a service
 * prefix, an action of a known service, a global (`aws:`) or known service's
 * context key; and a resource of none of the types the action acts on
 * (`s3:GetObject` on a bucket's ARN). AWS decides such a request as written,
 * and so do we; but a misspelt action is denied by every policy, a misspelt
 * key meets no condition, and AWS never asks for that action on that
 * resource, so the decision would say nothing about what was meant.
 * Keys of services the data does not list, and identity providers' claims,
 * are left alone: nothing says they are wrong.
 */
export function requestNotes(request: Pick<SimulationRequest, 'action' | 'resource' | 'context'>): string[] {
  const notes: string[] = [];
  const action = actionNote(request.action) ?? resourceNote(request.action, request.resource);
  if (action) notes.push(action);
  const seen = new Set<string>();
  for (const [key] of request.context) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const note = contextKeyNote(key);
    if (note) notes.push(note);
  }
  return notes;
}

function actionNote(action: string): string | undefined {
  const data = iamData();
  const colon = action.indexOf(':');
  if (colon < 0) return `"${action}" is not an action: write it as service:action, e.g. s3:GetObject.`;
  const prefix = action.slice(0, colon);
  const name = action.slice(colon + 1);
  const service = data.service(prefix);
  if (!service) {
    const suggestion = closest(prefix, data.services().map((s) => s.prefix));
    return `No AWS service has the prefix "${prefix}"${suggestion ? `; did you mean ${suggestion}:${name}?` : '.'} Decided as written: only a statement naming it, or a wildcard covering it, applies.`;
  }
  if (data.action(service.prefix, name)) return undefined;
  const suggestion = closest(name, data.actions(service.prefix).map((a) => a.name));
  return `${service.name} has no action "${name}"${suggestion ? `; did you mean ${service.prefix}:${suggestion}?` : '.'} Decided as written: only a statement naming it, or a wildcard covering it, applies.`;
}

/** A concrete ARN the action's resource types do not take; actions of no resource type, and patterns, are left alone. */
function resourceNote(action: string, resource: string): string | undefined {
  if (!resource.startsWith('arn:') || /[*?]/.test(resource)) return undefined;
  const colon = action.indexOf(':');
  const info = iamData().action(action.slice(0, colon), action.slice(colon + 1));
  const types = (info?.resourceTypes ?? []).filter((t): t is typeof t & { arn: string } => t.arn !== undefined);
  if (types.length === 0 || types.some((t) => arnFits(resource, t.arn))) return undefined;
  const forms = types.map((t) => `${t.name} (${t.arn})`).join(', ');
  return `${action} acts on ${forms}; "${resource}" is none of them, so AWS never asks for it on this resource. Decided as written.`;
}

function contextKeyNote(key: string): string | undefined {
  const data = iamData();
  if (data.conditionKey(key)) return undefined;
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon).toLowerCase();
  const global = prefix === 'aws';
  if (!global && !data.service(prefix)) return undefined;
  const candidates = data.conditionKeys(global ? undefined : prefix).map((k) => k.key).filter((k) => !k.includes('${') && k.toLowerCase().startsWith(`${prefix}:`));
  const suggestion = closest(key, candidates);
  const what = global ? 'a global condition key' : `a condition key of ${data.service(prefix)?.name ?? prefix}`;
  return `"${key}" is not ${what}${suggestion ? `; did you mean ${suggestion}?` : '.'} No condition reads it as given.`;
}
