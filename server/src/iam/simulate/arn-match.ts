import { parseArn } from '../arn';
import { WildcardMatcher, type WildcardPart } from '../../wildcard/match';

/**
 * True when an ARN matches a pattern as IAM compares them: field by field
 * (partition, service, region, account, resource), `*` and `?` inside a field
 * never crossing into the next one. A pattern that is not ARN-shaped (`*`)
 * is matched against the whole string. Parts come from `substitute`, so
 * filled-in variables are literal.
 */
export function arnMatches(pattern: readonly WildcardPart[], arn: string, patternText: string): boolean {
  if (!patternText.startsWith('arn:') || !arn.startsWith('arn:')) return new WildcardMatcher(pattern).matches(arn);
  const patternFields = splitParts(pattern);
  const arnFields = parseArn(arn).fields;
  // A pattern with fewer fields ends in a wildcard that takes the rest (`arn:aws:s3:*`): compared whole.
  if (patternFields.length < arnFields.length) return new WildcardMatcher(pattern).matches(arn);
  if (patternFields.length !== arnFields.length) return false;
  return patternFields.every((field, i) => new WildcardMatcher(field).matches(arnFields[i]?.text ?? ''));
}

/** The parts cut at the first five literal colons, as an ARN's fields are. */
function splitParts(parts: readonly WildcardPart[]): WildcardPart[][] {
  const fields: WildcardPart[][] = [[]];
  for (const part of parts) {
    if (part.kind === 'char' && part.char === ':' && fields.length < 6) fields.push([]);
    else fields[fields.length - 1]?.push(part);
  }
  return fields;
}
