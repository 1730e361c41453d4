import assert from 'node:assert/strict';
import { parseYamlDocument } from '../../../server/src/document/yaml';
import { propertyValue } from '../../../server/src/document/tree';
import { stackEnvironment } from '../../../server/src/template/functions';
import { resolveValue } from '../../../server/src/template/resolve';

/** Evaluates `Value` of a small YAML template, as CloudFormation would for a stack in us-east-1 with the given overrides. */
function evaluate(value: string, head = '', overrides: Record<string, string> = {}): unknown {
  const text = `${head}Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\nValue: ${value}\n`;
  const root = parseYamlDocument(text).root;
  const node = propertyValue(root, 'Value');
  assert.ok(node);
  const resolved = resolveValue(node, stackEnvironment(root, { parameterOverrides: overrides, stackName: 'app' }));
  return resolved.ok ? resolved.value : `unresolved: ${resolved.unresolved.message} @ ${text.slice(resolved.unresolved.node.offset, resolved.unresolved.node.offset + resolved.unresolved.node.length)}`;
}

const parameters = 'Parameters:\n  Stage:\n    Type: String\n    Default: dev\n  Secret:\n    Type: String\n';

describe('resolveValue: intrinsic functions as CloudFormation evaluates them', () => {
  const table: ReadonlyArray<[name: string, value: string, expected: unknown, head?: string, overrides?: Record<string, string>]> = [
    ['a plain value', 'hello', 'hello'],
    ['a parameter\'s default', '!Ref Stage', 'dev', parameters],
    ['an override wins over the default', '!Ref Stage', 'prod', parameters, { Stage: 'prod' }],
    ['a parameter without a default is named, with how to give it', '!Ref Secret', 'unresolved: parameter Secret has no Default: give it with --parameter-overrides Secret=VALUE @ Secret', parameters],
    ['pseudo parameters', '!Sub "${AWS::Region}/${AWS::AccountId}/${AWS::StackName}/${AWS::Partition}"', 'us-east-1/123456789012/app/aws'],
    ['Fn::Sub with its own variables and a literal ${!x}', '!Sub ["${a}-${Stage}-${!x}", {a: 1}]', '1-dev-${x}', parameters],
    ['a resource is named as one', '!Ref Bucket', 'unresolved: Bucket is a resource of the stack: its name or id exists only once deployed @ Bucket'],
    ['an attribute is named as one', '!GetAtt Bucket.Arn', 'unresolved: Bucket.Arn is an attribute of a deployed resource, which a local run does not have @ !GetAtt Bucket.Arn'],
    ['an attribute inside Fn::Sub', '!Sub "${Bucket.Arn}/*"', 'unresolved: Bucket.Arn in Fn::Sub is an attribute of a deployed resource, which a local run does not have @ "${Bucket.Arn}/*"'],
    ['Fn::Join, Fn::Select, Fn::Split', '!Join ["-", [!Select [1, !Split [",", "a,b,c"]], z]]', 'b-z'],
    ['Fn::FindInMap', '!FindInMap [Sizes, !Ref Stage, Memory]', '512', `${parameters}Mappings:\n  Sizes:\n    dev: {Memory: "512"}\n`],
    ['Fn::If with a condition', '!If [IsProd, big, small]', 'small', `${parameters}Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n`],
    ['Fn::If, the other way', '!If [IsProd, big, small]', 'big', `${parameters}Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n`, { Stage: 'prod' }],
    ['Fn::Not, Fn::And, Fn::Or', '!If [Mixed, yes, no]', 'yes', `${parameters}Conditions:\n  IsDev: !Equals [!Ref Stage, dev]\n  Mixed: !And [!Condition IsDev, !Not [!Equals [a, b]], !Or [!Equals [1, 2], !Condition IsDev]]\n`],
    ['AWS::NoValue leaves a property out', '{a: 1, b: !Ref AWS::NoValue}', { a: 1 }],
    ['Fn::Base64', '!Base64 hi', 'aGk='],
    ['an import is named as one', '!ImportValue SharedTable', 'unresolved: Fn::ImportValue reads another stack\'s export, which a local run does not have @ !ImportValue SharedTable'],
    ['an unknown name', '!Ref Nope', 'unresolved: Nope is neither a parameter nor a resource of this template @ Nope'],
  ];
  for (const [name, value, expected, head, overrides] of table) {
    it(name, () => assert.deepEqual(evaluate(value, head, overrides), expected));
  }
});
