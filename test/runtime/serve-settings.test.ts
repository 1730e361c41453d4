import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cliScript, handlersRoot, waitFor } from './harness';

const emulatorVariables = ['AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_TIMEOUT', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_REGION'] as const;

interface Seen {
  readonly name: string;
  readonly version: string;
  readonly memory: string;
  readonly timeout: number;
  readonly region: string;
  readonly executedVersion: string | null;
}

/** Runs `serve cjs.handler` with the emulator's variables and flags, and says what one invoke saw. */
async function serveSees(variables: Partial<Record<(typeof emulatorVariables)[number], string>>, flags: string[]): Promise<Seen | { code: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of emulatorVariables) delete env[name];
  const serve = spawn(process.execPath, [cliScript, 'serve', 'cjs.handler', '--port', '0', '--no-watch', ...flags], { cwd: handlersRoot, env: { ...env, ...variables }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  serve.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const closed = once(serve, 'close');
  try {
    await waitFor(() => /on (http:\S+)/.test(stderr) || serve.exitCode !== null, 10_000, 'serve to listen or exit');
    if (serve.exitCode !== null) return { code: serve.exitCode, stderr };
    const response = await fetch(/on (http:\S+)/.exec(stderr)?.[1] ?? '', { method: 'POST', body: '{}' });
    const { context, env: seen } = (await response.json()) as { context: { functionName: string; functionVersion: string; memoryLimitInMB: string; remainingTimeInMillis: number; invokedFunctionArn: string }; env: { region: string } };
    assert.ok(context.invokedFunctionArn.startsWith(`arn:aws:lambda:${seen.region}:`));
    return { name: context.functionName, version: context.functionVersion, memory: context.memoryLimitInMB, timeout: Math.ceil(context.remainingTimeInMillis / 1000), region: seen.region, executedVersion: response.headers.get('x-amz-executed-version') };
  } finally {
    serve.kill('SIGTERM');
    await closed;
  }
}

/** serve takes the emulator's variables: the command line over them, they over lambda-workbench.json (timeout 5, memory 256). */
describe("CLI: serve honours the Runtime Interface Emulator's variables (real processes)", function () {
  this.timeout(30_000);

  const table: Array<[string, Parameters<typeof serveSees>[0], string[], Seen]> = [
    ['lambda-workbench.json and defaults alone', {}, [], { name: 'handlers', version: '$LATEST', memory: '256', timeout: 5, region: 'us-east-1', executedVersion: '$LATEST' }],
    [
      'the emulator variables over lambda-workbench.json',
      { AWS_LAMBDA_FUNCTION_NAME: 'orders', AWS_LAMBDA_FUNCTION_TIMEOUT: '7', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512', AWS_LAMBDA_FUNCTION_VERSION: '3', AWS_REGION: 'eu-west-1' },
      [],
      { name: 'orders', version: '3', memory: '512', timeout: 7, region: 'eu-west-1', executedVersion: '3' },
    ],
    [
      'flags over the emulator variables',
      { AWS_LAMBDA_FUNCTION_NAME: 'orders', AWS_LAMBDA_FUNCTION_TIMEOUT: '7', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512', AWS_LAMBDA_FUNCTION_VERSION: '3', AWS_REGION: 'eu-west-1' },
      ['--function-name', 'flagged', '--timeout', '9', '--memory', '1024', '--function-version', '4', '--region', 'ap-south-1'],
      { name: 'flagged', version: '4', memory: '1024', timeout: 9, region: 'ap-south-1', executedVersion: '4' },
    ],
  ];
  for (const [what, variables, flags, expected] of table) {
    it(what, async () => assert.deepEqual(await serveSees(variables, flags), expected));
  }

  it('refuses a bad emulator variable with a usage error naming it', async () => {
    const outcome = await serveSees({ AWS_LAMBDA_FUNCTION_TIMEOUT: 'soon' }, []);
    assert.ok('code' in outcome);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /AWS_LAMBDA_FUNCTION_TIMEOUT must be an integer from 1 to 900 \(got "soon"\)/);
  });
});
