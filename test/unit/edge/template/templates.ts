/** A SAM template in YAML with one distribution running `DynamicOrigin`, built from parts each test varies. */
export function yamlTemplate(parts: { fn?: string; association?: string; role?: string; globals?: string } = {}): string {
  return `Transform: AWS::Serverless-2016-10-31
${parts.globals ?? ''}Resources:
  EdgeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
${parts.role ?? '              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]'}
            Action: sts:AssumeRole
  DynamicOrigin:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Role: !GetAtt EdgeRole.Arn
      AutoPublishAlias: live
${parts.fn ?? ''}  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        DefaultCacheBehavior:
          LambdaFunctionAssociations:
${parts.association ?? '            - EventType: viewer-request\n              LambdaFunctionARN: !Ref DynamicOrigin.Version'}
`;
}

/** The same shape in JSON: `fn` properties and associations as objects. */
export function jsonTemplate(parts: { fn?: Record<string, unknown>; associations?: unknown[]; services?: unknown } = {}): string {
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        EdgeRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Service: parts.services ?? ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
            },
          },
        },
        DynamicOrigin: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Role: { 'Fn::GetAtt': ['EdgeRole', 'Arn'] }, ...parts.fn } },
        DynamicOriginVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'DynamicOrigin' } } },
        Distribution: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              DefaultCacheBehavior: { LambdaFunctionAssociations: parts.associations ?? [{ EventType: 'viewer-request', LambdaFunctionARN: { Ref: 'DynamicOriginVersion' } }] },
            },
          },
        },
      },
    },
    null,
    2,
  );
}

export const yamlFile = 'template.yaml';
export const jsonFile = 'template.json';
