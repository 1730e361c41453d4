import assert from 'node:assert/strict';
import { parseYamlDocument } from '../../../server/src/document/yaml';
import { templateFunctions } from '../../../server/src/template/functions';

const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage: {Type: String, Default: dev}
Globals:
  Function:
    Runtime: python3.12
    Timeout: 10
    Environment:
      Variables:
        STAGE: !Ref Stage
        SHARED: global
    Layers: [!Ref Common]
Resources:
  Common:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/common/
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      MemorySize: 256
      Architectures: [arm64]
      Environment:
        Variables:
          SHARED: own
          TABLE: !Ref Table
      Layers:
        - arn:aws:lambda:us-east-1:123456789012:layer:tools:3
  Table:
    Type: AWS::DynamoDB::Table
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Code: {ZipFile: "exports.handler = async () => 1;"}
  FromCdk:
    Type: AWS::Lambda::Function
    Metadata: {aws:asset:path: asset.1234, aws:asset:property: Code}
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Code: {S3Bucket: cdk-assets, S3Key: 1234.zip}
`;

describe('templateFunctions', () => {
  const [api, plain, fromCdk] = templateFunctions(parseYamlDocument(template).root, { parameterOverrides: { Stage: 'prod' } });

  it('merges SAM Globals as SAM does: scalars overridden, variables merged, layers appended', () => {
    assert.ok(api);
    assert.deepEqual(
      { handler: api.handler, runtime: api.runtime, code: api.code, timeout: api.timeout, memorySize: api.memorySize, architecture: api.architecture, environment: api.environment, layers: api.layers },
      {
        handler: 'app.handler',
        runtime: 'python3.12',
        code: { kind: 'local', path: 'src/' },
        timeout: 10,
        memorySize: 256,
        architecture: 'arm64',
        environment: { STAGE: 'prod', SHARED: 'own' },
        layers: [
          { name: 'Common', code: { kind: 'local', path: 'layers/common/' } },
          { name: 'arn:aws:lambda:us-east-1:123456789012:layer:tools:3', code: { kind: 'remote', what: 'the published layer arn:aws:lambda:us-east-1:123456789012:layer:tools:3' } },
        ],
      },
    );
  });

  it('names a variable it cannot resolve, never leaves it silently empty', () => {
    assert.deepEqual(api?.unresolved.map((u) => u.message), ['environment variable TABLE: Table is a resource of the stack: its name or id exists only once deployed']);
    assert.equal('TABLE' in (api?.environment ?? {}), false);
  });

  it('reads inline code, CDK assets and Lambda\'s defaults', () => {
    assert.deepEqual(plain?.code, { kind: 'inline', source: 'exports.handler = async () => 1;' });
    assert.deepEqual([plain?.timeout, plain?.memorySize, plain?.runtime], [3, 128, 'nodejs20.x']);
    assert.deepEqual(fromCdk?.code, { kind: 'local', path: 'asset.1234' });
  });
});
