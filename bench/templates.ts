import { parseAllDocuments } from 'yaml';
import { createWorkbenchService } from '../server/src/workbench';
import type { Measurement } from './measurement';

const service = createWorkbenchService();

/** A SAM template of functions with their roles and policies, and a distribution running some at the edge: about 30 lines a function. */
function samTemplate(functions: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Globals:', '  Function:', '    Runtime: nodejs20.x', '    Timeout: 5', 'Resources:'];
  for (let i = 0; i < functions; i++) {
    lines.push(
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: {Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]}',
      '            Action: sts:AssumeRole',
      '      Policies:',
      `        - PolicyName: access-${i}`,
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: [s3:GetObject, s3:PutObject, dynamodb:GetItem, dynamodb:Query]',
      `                Resource: !Sub "arn:aws:s3:::bucket-${i}-\${AWS::AccountId}/*"`,
      '              - Effect: Allow',
      '                Action: logs:PutLogEvents',
      `                Resource: arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*`,
      `  Function${i}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      Handler: src/fn${i}.handler`,
      '      CodeUri: .',
      `      Role: !GetAtt Role${i}.Arn`,
      '      AutoPublishAlias: live',
      '      MemorySize: 128',
    );
  }
  lines.push('  Distribution:', '    Type: AWS::CloudFront::Distribution', '    Properties:', '      DistributionConfig:', '        DefaultCacheBehavior:', '          LambdaFunctionAssociations:');
  for (let i = 0; i < Math.min(functions, 4); i++) lines.push(`            - EventType: ${['viewer-request', 'origin-request', 'origin-response', 'viewer-response'][i]}`, `              LambdaFunctionARN: !Ref Function${i}.Version`);
  return `${lines.join('\n')}\n`;
}

const template = samTemplate(106);

export const measurements: Measurement[] = [
  {
    name: `templates: analyse a ${template.split('\n').length.toLocaleString('en')}-line SAM template in YAML (every registered check)`,
    baseline: 'the yaml package parsing the same text (parseAllDocuments)',
    ours: () => service.analyze(template, undefined, 'template.yaml'),
    base: () => parseAllDocuments(template),
    target: 5,
  },
];
