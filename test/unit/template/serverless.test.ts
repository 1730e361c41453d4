import assert from 'node:assert/strict';
import { parseYamlDocument } from '../../../server/src/document/yaml';
import { serverlessFunctions } from '../../../server/src/template/serverless';

const service = `service: thumbnails
custom:
  bucket: thumbs-\${sls:stage}
  sizes: {small: 128}
provider:
  name: aws
  runtime: nodejs20.x
  stage: \${opt:stage, 'dev'}
  region: eu-west-1
  memorySize: 512
  environment:
    BUCKET: \${self:custom.bucket}
    SHARED: provider
    TOKEN: \${ssm:/thumbs/token}
functions:
  resize:
    handler: src/resize.handler
    timeout: 20
    environment:
      SHARED: own
      WIDTH: \${self:custom.sizes.small}
      HOME_DIR: \${env:HOME_DIR, '/home'}
      REGION: \${aws:region}
  list:
    handler: src/list.handler
    runtime: python3.12
    architecture: arm64
    layers: [arn:aws:lambda:eu-west-1:123456789012:layer:tools:1]
`;

describe('serverlessFunctions', () => {
  const [resize, list] = serverlessFunctions(parseYamlDocument(service).root, { stage: 'prod', env: {} });

  it('gives each function the provider\'s settings under its own, with the framework\'s defaults', () => {
    assert.deepEqual(
      { handler: resize?.handler, runtime: resize?.runtime, timeout: resize?.timeout, memorySize: resize?.memorySize, code: resize?.code },
      { handler: 'src/resize.handler', runtime: 'nodejs20.x', timeout: 20, memorySize: 512, code: { kind: 'local', path: '.' } },
    );
    assert.deepEqual({ runtime: list?.runtime, timeout: list?.timeout, architecture: list?.architecture, layers: list?.layers.map((l) => l.name) }, { runtime: 'python3.12', timeout: 6, architecture: 'arm64', layers: ['arn:aws:lambda:eu-west-1:123456789012:layer:tools:1'] });
  });

  it('resolves self, sls, opt, env and aws variables, with fallbacks, and keeps a whole-value variable\'s type', () => {
    assert.deepEqual(resize?.environment, { BUCKET: 'thumbs-prod', SHARED: 'own', WIDTH: '128', HOME_DIR: '/home', REGION: 'eu-west-1' });
  });

  it('names the variables a local run cannot know', () => {
    assert.deepEqual(resize?.unresolved.map((u) => u.message), ['environment variable TOKEN: ${ssm:/thumbs/token} cannot be resolved locally']);
  });
});
