/**
 * CloudFormation's short-form tags and the long-form keys they stand for
 * (`!Ref` is `Ref`, `!Sub` is `Fn::Sub`...): the YAML builder turns a tagged
 * value into the object its long form is, so nothing downstream tells them apart.
 */
const longFormOfTag: ReadonlyMap<string, string> = new Map([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...['Sub', 'GetAtt', 'Join', 'If', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length', 'ToJsonString', 'ForEach']
    .map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** The long-form key of a short-form intrinsic tag, or undefined for any other tag. */
export function intrinsicKeyOfTag(tag: string): string | undefined {
  return longFormOfTag.get(tag);
}
