import { iamData } from './data/iam-data';
import { parseArn } from './arn';

const emptyFields = new Map<string, boolean>();

/**
 * True when every ARN template of the service leaves field `index` (3 region,
 * 4 account) empty, and templates exist: the data then says the field must be empty.
 */
export function fieldIsAlwaysEmpty(prefix: string, index: 3 | 4): boolean {
  const cacheKey = `${prefix}:${index}`;
  const cached = emptyFields.get(cacheKey);
  if (cached !== undefined) return cached;
  const templates = new Set(iamData().actions(prefix).flatMap((a) => a.resourceTypes.map((r) => r.arn)).filter((arn): arn is string => arn !== undefined));
  const own = [...templates].filter((arn) => parseArn(arn).service?.text === prefix);
  const result = own.length > 0 && own.every((arn) => parseArn(arn).fields[index]?.text === '');
  emptyFields.set(cacheKey, result);
  return result;
}

/** An ARN template with its `${Variable}` parts as `*`, ready for wildcard intersection. */
export function templatePattern(arn: string): string {
  let pattern = patterns.get(arn);
  if (pattern === undefined) {
    pattern = arn.replace(/\$\{[^}]*\}/g, '*');
    patterns.set(arn, pattern);
  }
  return pattern;
}

const patterns = new Map<string, string>();
