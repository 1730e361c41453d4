import { parseIpRange } from '../ip-ranges';
import { WildcardMatcher } from '../../wildcard/match';
import { arnMatches } from './arn-match';
import type { Substituted } from './variables';

/** The operators that say "matches"; every negated one (StringNotEquals, NotIpAddress...) is one of these turned round. */
export type PositiveOperator =
  | 'StringEquals' | 'StringEqualsIgnoreCase' | 'StringLike'
  | 'NumericEquals' | 'NumericLessThan' | 'NumericLessThanEquals' | 'NumericGreaterThan' | 'NumericGreaterThanEquals'
  | 'DateEquals' | 'DateLessThan' | 'DateLessThanEquals' | 'DateGreaterThan' | 'DateGreaterThanEquals'
  | 'Bool' | 'BinaryEquals' | 'IpAddress' | 'ArnEquals' | 'ArnLike';

const negations: Readonly<Record<string, PositiveOperator>> = {
  StringNotEquals: 'StringEquals', StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase', StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals', DateNotEquals: 'DateEquals', NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals', ArnNotLike: 'ArnLike',
};

/** A base operator (not Null) as its positive form and whether it is negated. */
export function positiveForm(base: string): { readonly operator: PositiveOperator; readonly negated: boolean } {
  const negatedOf = negations[base];
  return negatedOf ? { operator: negatedOf, negated: true } : { operator: base as PositiveOperator, negated: false };
}

/** True when the request's value matches one policy value under a positive operator. */
export function compare(operator: PositiveOperator, requestValue: string, policyValue: Substituted & { ok: true }): boolean {
  const wanted = policyValue.text;
  switch (operator) {
    case 'StringEquals':
      return requestValue === wanted;
    case 'StringEqualsIgnoreCase':
      return requestValue.toLowerCase() === wanted.toLowerCase();
    case 'StringLike':
      return new WildcardMatcher(policyValue.parts).matches(requestValue);
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return ordered(operator.slice('Numeric'.length), number(requestValue), number(wanted));
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return ordered(operator.slice('Date'.length), date(requestValue), date(wanted));
    case 'Bool':
      return requestValue.toLowerCase() === wanted.toLowerCase();
    case 'BinaryEquals':
      return bytes(requestValue) !== undefined && bytes(requestValue) === bytes(wanted);
    case 'IpAddress': {
      const address = parseIpRange(requestValue);
      const range = parseIpRange(wanted);
      return !!address && !!range && address.family === range.family && address.address >= range.start && address.address <= range.end;
    }
    case 'ArnEquals':
    case 'ArnLike':
      // IAM documents both as field-by-field with wildcards.
      return arnMatches(policyValue.parts, requestValue, wanted);
    default: {
      const unknown: never = operator;
      throw new Error(`unhandled operator ${String(unknown)}`);
    }
  }
}

function ordered(relation: string, left: number | undefined, right: number | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  switch (relation) {
    case 'Equals': return left === right;
    case 'LessThan': return left < right;
    case 'LessThanEquals': return left <= right;
    case 'GreaterThan': return left > right;
    default: return left >= right;
  }
}

function number(text: string): number | undefined {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO 8601 or epoch seconds, as milliseconds. */
function date(text: string): number | undefined {
  const ms = /^\d+$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Base64 text as the bytes it stands for (as a binary string), so two spellings of the same bytes compare equal. */
function bytes(text: string): string | undefined {
  try {
    return atob(text.trim());
  } catch {
    return undefined;
  }
}
