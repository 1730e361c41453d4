import assert from 'node:assert/strict';
import { environmentVariables, functionConfig, functionNameFrom, logStreamName, memoryArgs } from '../../../server/src/runtime/config';

describe('runtime: function configuration', () => {
  const config = functionConfig({
    root: '/work/app',
    handler: 'src/index.handler',
    bootstrapScript: '/ext/dist/runtime-bootstrap.js',
    memoryMB: 512,
    region: 'eu-west-1',
    environment: { TABLE: 'users', AWS_LAMBDA_FUNCTION_NAME: 'spoofed', TZ: 'Europe/Paris' },
    inheritedEnvironment: { PATH: '/usr/bin', AWS_PROFILE: 'dev', SECRET_OF_THE_HOST: 'x' },
  });

  it('takes Lambda defaults', () => {
    assert.equal(config.timeoutSeconds, 3);
    assert.equal(config.functionName, 'app');
  });

  it('sets the variables Lambda sets, lets the user add and override the unreserved ones', () => {
    const env = environmentVariables(config, '127.0.0.1:4567', 'stream');
    assert.equal(env['_HANDLER'], 'src/index.handler');
    assert.equal(env['AWS_LAMBDA_RUNTIME_API'], '127.0.0.1:4567');
    assert.equal(env['LAMBDA_TASK_ROOT'], '/work/app');
    assert.equal(env['AWS_LAMBDA_FUNCTION_MEMORY_SIZE'], '512');
    assert.equal(env['AWS_LAMBDA_FUNCTION_VERSION'], '$LATEST');
    assert.equal(env['AWS_LAMBDA_LOG_GROUP_NAME'], '/aws/lambda/app');
    assert.equal(env['AWS_LAMBDA_LOG_STREAM_NAME'], 'stream');
    assert.equal(env['AWS_REGION'], 'eu-west-1');
    assert.equal(env['AWS_LAMBDA_FUNCTION_NAME'], 'app', 'reserved: the user cannot override');
    assert.equal(env['TABLE'], 'users');
    assert.equal(env['TZ'], 'Europe/Paris', 'TZ is not reserved');
    assert.equal(env['AWS_PROFILE'], 'dev', 'credentials pass through');
    assert.equal(env['SECRET_OF_THE_HOST'], undefined, 'other host variables do not');
    assert.match(env['AWS_EXECUTION_ENV'] ?? '', /^AWS_Lambda_nodejs\d+\.x$/);
  });

  it('derives heap limits from the memory size as Lambda\'s Node bootstrap does', () => {
    assert.deepEqual(memoryArgs(128), ['--max-semi-space-size=6', '--max-old-space-size=116']);
    assert.deepEqual(memoryArgs(1024), ['--max-semi-space-size=51', '--max-old-space-size=922']);
  });

  it('names log streams and functions as Lambda does', () => {
    assert.match(logStreamName('$LATEST', new Date('2024-05-01T00:00:00Z')), /^2024\/05\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    assert.equal(functionNameFrom('my app (v2)'), 'my-app-v2');
  });
});
