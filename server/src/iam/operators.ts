/** The families of condition operators; each accepts keys of matching types. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

const baseOperators: Readonly<Record<string, OperatorFamily>> = {
  StringEquals: 'String', StringNotEquals: 'String', StringEqualsIgnoreCase: 'String', StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String', StringNotLike: 'String',
  NumericEquals: 'Numeric', NumericNotEquals: 'Numeric', NumericLessThan: 'Numeric', NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric', NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date', DateNotEquals: 'Date', DateLessThan: 'Date', DateLessThanEquals: 'Date', DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool', BinaryEquals: 'Binary', IpAddress: 'IpAddress', NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn', ArnLike: 'Arn', ArnNotEquals: 'Arn', ArnNotLike: 'Arn',
  Null: 'Null',
};

/** Every base operator, spelt as IAM documents it. */
export const operatorNames: readonly string[] = Object.keys(baseOperators);

const byLowerName = new Map(operatorNames.map((name) => [name.toLowerCase(), name]));

/** A condition operator, split into its parts: `ForAnyValue:StringLikeIfExists`. */
export interface ParsedOperator {
  readonly qualifier: 'ForAllValues' | 'ForAnyValue' | undefined;
  /** The base operator as IAM spells it, e.g. `StringLike`. */
  readonly base: string;
  readonly family: OperatorFamily;
  readonly ifExists: boolean;
}

const parsedOperators = new Map<string, ParsedOperator | null>();

/** Parses an operator; undefined when it is not one IAM knows. Matching ignores case, as IAM does. Cached. */
export function parseOperator(text: string): ParsedOperator | undefined {
  let parsed = parsedOperators.get(text);
  if (parsed === undefined) {
    if (parsedOperators.size > 1000) parsedOperators.clear();
    parsed = computeOperator(text) ?? null;
    parsedOperators.set(text, parsed);
  }
  return parsed ?? undefined;
}

function computeOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let qualifier: ParsedOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'forallvalues') qualifier = 'ForAllValues';
    else if (q === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  let base = byLowerName.get(rest.toLowerCase());
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = byLowerName.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    ifExists = true;
  }
  const family = base ? baseOperators[base] : undefined;
  return base && family ? { qualifier, base, family, ifExists } : undefined;
}

/** What each operator family means, for hover. */
export const familyDescriptions: Readonly<Record<OperatorFamily, string>> = {
  String: 'Compares the key\'s value as a string (`Like` forms take `*` and `?` wildcards; `IgnoreCase` forms ignore case).',
  Numeric: 'Compares the key\'s value as a number (integers or decimals).',
  Date: 'Compares the key\'s value as a date and time (ISO 8601, or epoch seconds).',
  Bool: 'Compares the key\'s value as a boolean: `"true"` or `"false"`.',
  Binary: 'Compares the key\'s value byte for byte with a base-64 encoded value.',
  IpAddress: 'Compares the key\'s value with IPv4 or IPv6 addresses or CIDR ranges.',
  Arn: 'Compares the key\'s value as an ARN, field by field (`ArnLike` takes `*` and `?` wildcards per field).',
  Null: 'Tests whether the key is absent (`"true"`) or present (`"false"`) in the request.',
};

/** The operator families a key's data type accepts (string operators work on every string-like key). */
export function familiesForType(type: string): readonly OperatorFamily[] {
  const scalar = type.replace(/^ArrayOf/, '');
  switch (scalar) {
    case 'String':
      // Arn operators compare any ARN-shaped string (AWS's own policies use ArnLike on tag and context keys).
      return ['String', 'Arn', 'Null'];
    case 'ARN':
      return ['Arn', 'String', 'Null'];
    case 'Numeric':
      return ['Numeric', 'Null'];
    case 'Date':
      return ['Date', 'Numeric', 'Null'];
    case 'Bool':
      // A string operator compares "true" as text, so "True" or "1" never match: Access Analyzer's TYPE_MISMATCH.
      return ['Bool', 'Null'];
    case 'IPAddress':
      // AWS's own examples compare IP keys with string operators too.
      return ['IpAddress', 'String', 'Null'];
    case 'Binary':
      return ['Binary', 'Null'];
    default:
      return ['String', 'Numeric', 'Date', 'Bool', 'Binary', 'IpAddress', 'Arn', 'Null'];
  }
}

/** The key types the reference uses, each also in a multivalued `ArrayOf` form. */
const keyTypes = ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'Binary'] as const;

/** The key types an operator family takes (the inverse of familiesForType), for hover. */
export function typesForFamily(family: OperatorFamily): readonly string[] {
  return keyTypes.filter((type) => familiesForType(type).includes(family));
}
