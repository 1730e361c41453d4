import { iamData } from './data/iam-data';
import { parseArn, type ArnField } from './arn';
import { intersects } from './wildcard';

const emptyFields = new Map<string, boolean>();

/**
 * True when every ARN template of the service leaves field `index` (3 region,
 * 4 account) empty, and templates exist: the data then says the field must be empty.
 */
export function fieldIsAlwaysEmpty(prefix: string, index: 3 | 4): boolean {
  return everyTemplate(prefix, index, 'empty', (text) => text === '');
}

/** True when every ARN template of the service fills field `index` (3 region, 4 account) with a variable: the data then says it is required. */
export function fieldIsAlwaysFilled(prefix: string, index: 3 | 4): boolean {
  return everyTemplate(prefix, index, 'filled', (text) => text.startsWith('${'));
}

function everyTemplate(prefix: string, index: 3 | 4, what: string, test: (field: string) => boolean): boolean {
  const cacheKey = `${prefix}:${index}:${what}`;
  const cached = emptyFields.get(cacheKey);
  if (cached !== undefined) return cached;
  const own = iamData().resourceTypes(prefix).flatMap((t) => splitTemplates(t.arn)).filter((arn) => parseArn(arn).service?.text === prefix);
  const result = own.length > 0 && own.every((arn) => test(parseArn(arn).fields[index]?.text ?? ''));
  emptyFields.set(cacheKey, result);
  return result;
}

/**
 * True when some ARN matches both the resource pattern (from a policy) and the
 * template (from the reference): partition, service, region and account are
 * compared field by field, so a template's `${Region}` never swallows a colon;
 * a resource that stops early with a wildcard field stands for the rest.
 */
export function arnFits(resource: string, template: string): boolean {
  const entry = fitEntry(resource);
  let fits = entry.byTemplate.get(template);
  if (fits === undefined) {
    const fields = entry.fields;
    fits = templateFields(template).some((one) => fitsOne(fields, one));
    entry.byTemplate.set(template, fits);
  }
  return fits;
}

/**
 * True when the ARN is of a resource type the reference knows for its service.
 * The reference misses some types (CloudFormation's transforms, which
 * CreateChangeSet needs for SAM): an ARN of no known type proves nothing.
 */
export function isKnownResourceType(resource: string): boolean {
  const entry = fitEntry(resource);
  if (entry.known === undefined) {
    const service = entry.fields[2]?.text ?? '';
    entry.known = !/[*?$]/.test(service) && iamData().resourceTypes(service).some((type) => arnFits(resource, type.arn));
  }
  return entry.known;
}

interface FitEntry {
  /** The ARN's fields, with its variables read as `*`. */
  readonly fields: readonly ArnField[];
  readonly byTemplate: Map<string, boolean>;
  known?: boolean;
}

/** By resource, then template: the actions of a statement share their resources and often their templates. */
const fitCache = new Map<string, FitEntry>();

function fitEntry(resource: string): FitEntry {
  let entry = fitCache.get(resource);
  if (!entry) {
    if (fitCache.size > 20_000) fitCache.clear();
    entry = { fields: parseArn(resource.includes('${') ? resource.replace(/\$\{[^}]*\}/g, '*') : resource).fields, byTemplate: new Map() };
    fitCache.set(resource, entry);
  }
  return entry;
}

/** Some resource types list several ARN forms in one string: "arn:...:/apis/${ApiId}/stages, arn:...:/restapis/...". */
export function splitTemplates(template: string): string[] {
  return template.split(/,\s*(?=arn:)/);
}

const parsedTemplates = new Map<string, ReadonlyArray<readonly ArnField[]>>();

/** Each ARN form of a template, split into fields with its variables as `*`; parsed once. */
function templateFields(template: string): ReadonlyArray<readonly ArnField[]> {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = splitTemplates(template).map((one) => parseArn(templatePattern(one)).fields);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

function fitsOne(r: readonly ArnField[], t: readonly ArnField[]): boolean {
  for (let i = 0; i < 6; i++) {
    const rf = r[i];
    const tf = t[i];
    if (!rf || !tf) return false;
    if (i === r.length - 1 && i < 5) return rf.text.endsWith('*') && intersects(rf.text, t.slice(i).map((f) => f.text).join(':'));
    if (!intersects(rf.text, tf.text)) return false;
  }
  return true;
}

/** An ARN template with its `${Variable}` parts as `*`, ready for wildcard intersection. */
function templatePattern(arn: string): string {
  let pattern = patterns.get(arn);
  if (pattern === undefined) {
    pattern = arn.replace(/\$\{[^}]*\}/g, '*');
    patterns.set(arn, pattern);
  }
  return pattern;
}

const patterns = new Map<string, string>();
