import { checkTable } from '../check-table';

const fileName = 'template.yaml';

checkTable('yaml.syntax', {
  valid: [
    { name: 'a template with short-form intrinsics', fileName, text: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n      FunctionName: !Sub "${AWS::StackName}-fn"\n      Tags: !If [Prod, [], !Ref AWS::NoValue]\n' },
    { name: 'YAML that is none of ours (a workflow), broken or not', fileName: 'ci.yaml', text: 'on: push\njobs:\n\tbuild: {\n' },
    { name: 'an empty file', fileName, text: '' },
    { name: 'anchors and aliases', fileName, text: 'Resources:\n  A: &fn\n    Type: AWS::SNS::Topic\n  B: *fn\n' },
  ],
  invalid: [
    {
      name: 'a tab in the indentation',
      fileName,
      text: 'Resources:\n  Fn:\n\tType: AWS::SNS::Topic\n',
      findings: [{ at: '\t', message: 'Tabs are not allowed as indentation.' }],
    },
    {
      name: 'an unknown tag',
      fileName,
      text: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Reff Name\n',
      findings: [{ at: '!Reff', message: /^Unknown tag !Reff: CloudFormation knows/ }],
    },
    {
      name: 'two documents in one template',
      fileName,
      text: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n---\nResources: {}\n',
      findings: [{ at: '---', message: /holds 2 YAML documents/ }],
    },
    {
      name: 'an unclosed flow sequence',
      fileName,
      text: 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {Tags: [a, b}\n',
      findings: [
        { at: '}', message: 'Flow sequence in block collection must be sufficiently indented and end with a ].' },
        { at: '\n', occurrence: 3, message: 'Flow map in block collection must be sufficiently indented and end with a }.' },
      ],
    },
  ],
});
