import assert from 'node:assert/strict';
import { planLaunch, type FileProbe, type LaunchPlan } from '../../../client/src/debug/launch-config';

// The lambda-workbench launch configuration, as tables: what each configuration resolves to,
// and for each wrong one, the attribute named and the exact message.

const folder = '/work/app';
const files = new Set([
  '/work/app/src/index.js',
  '/work/app/src/typed.ts',
  '/work/app/src/both.js',
  '/work/app/src/both.ts',
  '/work/app/events/get.json',
  '/work/app/alb/rules.json',
  '/work/app/.env',
  '/work/app/services/orders/handler.mjs',
  '/work/app/events/viewer-request.json',
  '/work/app/lambda-workbench.json',
  '/work/app/edge/chain.json',
  '/work/app/template.yaml',
]);
const folders = new Set(['/work/app', '/work/app/src', '/work/app/services/orders', '/work/app/node_modules/shared-handlers']);
const probe: FileProbe = { kind: (path) => (files.has(path) ? 'file' : folders.has(path) ? 'directory' : undefined) };

const base = { type: 'lambda-workbench', request: 'launch', name: 'Debug it', handler: 'src/index.handler' };

interface Valid {
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly folder?: string;
  readonly plan: Partial<LaunchPlan>;
}

const valid: Valid[] = [
  {
    name: 'the smallest configuration: root is the workspace folder, the event the function setting',
    config: base,
    plan: { name: 'Debug it', root: folder, handler: 'src/index.handler', moduleFile: '/work/app/src/index.js', event: { kind: 'settings' } },
  },
  {
    name: 'every attribute, relative paths from root',
    config: { ...base, event: 'events/get.json', timeout: 30, memorySize: 512, environment: { TABLE: 'orders' }, envFile: '.env' },
    plan: { event: { kind: 'file', path: '/work/app/events/get.json' }, timeout: 30, memorySize: 512, environment: { TABLE: 'orders' }, envFile: '/work/app/.env' },
  },
  {
    name: 'a template function whose settings the run takes, its path from root',
    config: { ...base, template: 'template.yaml', function: 'HelloFunction' },
    plan: { templateFunction: { path: '/work/app/template.yaml', functionId: 'HelloFunction' } },
  },
  {
    name: 'an event given inline',
    config: { ...base, event: { name: 'Ada', tags: [1, 2] } },
    plan: { event: { kind: 'inline', payload: '{"name":"Ada","tags":[1,2]}' } },
  },
  {
    name: 'a root below the workspace folder, and an ES module found as Lambda finds it',
    config: { ...base, root: 'services/orders', handler: 'handler.main' },
    plan: { root: '/work/app/services/orders', handler: 'handler.main', moduleFile: '/work/app/services/orders/handler.mjs' },
  },
  {
    name: 'TypeScript after the JavaScript extensions',
    config: { ...base, handler: 'src/typed.handler' },
    plan: { moduleFile: '/work/app/src/typed.ts' },
  },
  {
    name: 'JavaScript first when both exist, as Lambda loads it',
    config: { ...base, handler: 'src/both.handler' },
    plan: { moduleFile: '/work/app/src/both.js' },
  },
  {
    name: 'handlerFile chooses the TypeScript source',
    config: { ...base, handler: 'src/both.handler', handlerFile: 'src/both.ts' },
    plan: { handlerFile: '/work/app/src/both.ts', moduleFile: '/work/app/src/both.ts' },
  },
  {
    name: 'a module from node_modules, as require would find it',
    config: { ...base, handler: 'shared-handlers.orders' },
    plan: { moduleFile: '/work/app/node_modules/shared-handlers' },
  },
  {
    name: 'an absolute root with no workspace folder',
    config: { ...base, root: '/work/app' },
    folder: '',
    plan: { root: '/work/app' },
  },
  {
    name: 'the ALB variant with defaults',
    config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/api?id=1' } },
    plan: { event: { kind: 'alb', rules: '/work/app/alb/rules.json', request: { method: 'GET', url: 'https://example.com/api?id=1', headers: [] } } },
  },
  {
    name: 'the ALB variant with every field; headers as an object become lines, listeners count from 1',
    config: { ...base, alb: { rules: '/work/app/alb/rules.json', method: 'POST', url: 'http://example.com/', headers: { 'Content-Type': 'application/json' }, body: '{}', sourceIp: '10.0.0.1', listener: 2, multiValueHeaders: true } },
    plan: {
      event: { kind: 'alb', rules: '/work/app/alb/rules.json', request: { method: 'POST', url: 'http://example.com/', headers: ['Content-Type: application/json'], sourceIp: '10.0.0.1', body: '{}' }, listener: 1, multiValueHeaders: true },
    },
  },
  {
    name: 'the CloudFront variant: the trigger, the viewer\'s request, the edge section of root\'s lambda-workbench.json',
    config: { ...base, cloudfront: { trigger: 'origin-request', request: 'events/viewer-request.json' } },
    plan: { event: { kind: 'cloudfront', trigger: 'origin-request', request: '/work/app/events/viewer-request.json', config: '/work/app/lambda-workbench.json' } },
  },
  {
    name: 'the CloudFront variant with its own chain file',
    config: { ...base, cloudfront: { trigger: 'viewer-response', request: '/work/app/events/viewer-request.json', config: 'edge/chain.json' } },
    plan: { event: { kind: 'cloudfront', trigger: 'viewer-response', request: '/work/app/events/viewer-request.json', config: '/work/app/edge/chain.json' } },
  },
  {
    name: 'VS Code\'s own attributes are left alone',
    config: { ...base, preLaunchTask: 'build', noDebug: true, presentation: { group: 'lambda' }, __configurationTarget: 5 },
    plan: { handler: 'src/index.handler' },
  },
];

interface Invalid {
  readonly name: string;
  readonly config: Record<string, unknown>;
  readonly folder?: string;
  readonly attribute: string;
  readonly message: string;
}

const invalid: Invalid[] = [
  { name: 'an attach request', config: { ...base, request: 'attach' }, attribute: 'request', message: '"request" must be "launch" (got "attach")' },
  {
    name: 'no handler',
    config: { ...base, handler: undefined },
    attribute: 'handler',
    message: '"handler" is missing: give Lambda\'s handler string relative to "root", e.g. "src/index.handler" (file src/index.js, .mjs, .cjs or .ts, export handler)',
  },
  { name: 'a handler that is not a string', config: { ...base, handler: ['src/index.handler'] }, attribute: 'handler', message: '"handler" must be a string such as "src/index.handler" (got ["src/index.handler"])' },
  {
    name: 'a handler without an export',
    config: { ...base, handler: 'src/index' },
    attribute: 'handler',
    message: '"handler" "src/index" is not a handler string (Bad handler): write the file without its extension, a dot and the export, e.g. "src/index.handler"',
  },
  {
    name: 'a handler naming no file',
    config: { ...base, handler: 'src/missing.handler' },
    attribute: 'handler',
    message: '"handler" "src/missing.handler" names no file: found none of src/missing.js, .mjs, .cjs, .ts, .mts, .cts in /work/app',
  },
  { name: 'a root that is not there', config: { ...base, root: 'lambda' }, attribute: 'root', message: '"root" must be an existing folder; /work/app/lambda is not there' },
  { name: 'a root that is a file', config: { ...base, root: 'src/index.js' }, attribute: 'root', message: '"root" must be an existing folder; /work/app/src/index.js is a file' },
  {
    name: 'no root and no workspace folder',
    config: base,
    folder: '',
    attribute: 'root',
    message: '"root" is needed when no workspace folder is open: give the folder that holds the handler (Lambda\'s task root)',
  },
  { name: 'a relative root and no workspace folder', config: { ...base, root: 'app' }, folder: '', attribute: 'root', message: '"root" must be an absolute path when no workspace folder is open (got "app")' },
  { name: 'a handlerFile that is not there', config: { ...base, handlerFile: 'src/index.ts' }, attribute: 'handlerFile', message: '"handlerFile" /work/app/src/index.ts does not exist' },
  { name: 'a timeout with a unit', config: { ...base, timeout: '30s' }, attribute: 'timeout', message: '"timeout" must be a number of seconds from 1 to 900 (got "30s")' },
  { name: 'a timeout past Lambda\'s limit', config: { ...base, timeout: 901 }, attribute: 'timeout', message: '"timeout" must be a number of seconds from 1 to 900 (got 901)' },
  { name: 'a fractional memory size', config: { ...base, memorySize: 512.5 }, attribute: 'memorySize', message: '"memorySize" must be a whole number of MB from 128 to 10240 (got 512.5)' },
  { name: 'too little memory', config: { ...base, memorySize: 64 }, attribute: 'memorySize', message: '"memorySize" must be a whole number of MB from 128 to 10240 (got 64)' },
  { name: 'an environment list', config: { ...base, environment: ['A=1'] }, attribute: 'environment', message: '"environment" must be an object of variables, e.g. { "TABLE_NAME": "orders" } (got ["A=1"])' },
  {
    name: 'an environment number',
    config: { ...base, environment: { PORT: 8080 } },
    attribute: 'environment.PORT',
    message: '"environment.PORT" must be a string (got 8080); environment variables are text, so quote it',
  },
  { name: 'a function without its template', config: { ...base, function: 'HelloFunction' }, attribute: 'template', message: '"template" is needed with "function": the SAM/CloudFormation template or serverless.yml that defines it' },
  { name: 'a template without its function', config: { ...base, template: 'template.yaml' }, attribute: 'function', message: '"function" is needed with "template": the logical id of the function whose settings to take, e.g. "HelloFunction"' },
  { name: 'a template that is not there', config: { ...base, template: 'sam/template.yaml', function: 'HelloFunction' }, attribute: 'template', message: '"template" /work/app/sam/template.yaml does not exist' },
  { name: 'an env file that is not there', config: { ...base, envFile: '.env.local' }, attribute: 'envFile', message: '"envFile" /work/app/.env.local does not exist' },
  { name: 'an event file that is not there', config: { ...base, event: 'events/post.json' }, attribute: 'event', message: '"event" file /work/app/events/post.json does not exist (relative paths start at "root")' },
  { name: 'an empty event path', config: { ...base, event: '' }, attribute: 'event', message: '"event" must be a JSON file path or the event itself, not ""' },
  { name: 'a familiar misspelling', config: { ...base, env: { A: '1' } }, attribute: 'env', message: '"env" is not an attribute of a lambda-workbench configuration; did you mean "environment"?' },
  { name: 'memory for memorySize', config: { ...base, memory: 512 }, attribute: 'memory', message: '"memory" is not an attribute of a lambda-workbench configuration; did you mean "memorySize"?' },
  {
    name: 'both event and alb',
    config: { ...base, event: 'events/get.json', alb: { rules: 'alb/rules.json', url: 'https://example.com/' } },
    attribute: 'alb',
    message: 'give one of "event", "alb" and "cloudfront", not "event" and "alb": "alb" and "cloudfront" make the event from a request',
  },
  {
    name: 'both alb and cloudfront',
    config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/' }, cloudfront: { trigger: 'viewer-request', request: 'events/viewer-request.json' } },
    attribute: 'cloudfront',
    message: 'give one of "event", "alb" and "cloudfront", not "alb" and "cloudfront": "alb" and "cloudfront" make the event from a request',
  },
  {
    name: 'cloudfront as a string',
    config: { ...base, cloudfront: 'viewer-request' },
    attribute: 'cloudfront',
    message: '"cloudfront" must be an object: { "trigger": "origin-request", "request": "events/viewer-request.json" } (got "viewer-request")',
  },
  {
    name: 'a CloudFront Functions event type for the trigger',
    config: { ...base, cloudfront: { trigger: 'viewer_request', request: 'events/viewer-request.json' } },
    attribute: 'cloudfront.trigger',
    message: '"cloudfront.trigger" must be the trigger the handler is associated with: viewer-request, origin-request, origin-response, viewer-response (got "viewer_request")',
  },
  {
    name: 'cloudfront without a request',
    config: { ...base, cloudfront: { trigger: 'viewer-request' } },
    attribute: 'cloudfront.request',
    message: '"cloudfront.request" must be the path of a viewer-request event (the viewer\'s request; "New Lambda@Edge event" makes one) (got nothing)',
  },
  {
    name: 'a cloudfront request that is not there',
    config: { ...base, cloudfront: { trigger: 'viewer-request', request: 'events/viewer.json' } },
    attribute: 'cloudfront.request',
    message: '"cloudfront.request" file /work/app/events/viewer.json does not exist (relative paths start at "root")',
  },
  {
    name: 'no chain file in root',
    config: { ...base, root: 'services/orders', handler: 'handler.main', cloudfront: { trigger: 'viewer-request', request: '/work/app/events/viewer-request.json' } },
    attribute: 'cloudfront.config',
    message: '"cloudfront.config" is needed: there is no lambda-workbench.json in /work/app/services/orders to say the origin (its "edge" section)',
  },
  {
    name: 'a chain file that is not there',
    config: { ...base, cloudfront: { trigger: 'viewer-request', request: 'events/viewer-request.json', config: 'edge.json' } },
    attribute: 'cloudfront.config',
    message: '"cloudfront.config" file /work/app/edge.json does not exist (relative paths start at "root")',
  },
  {
    name: 'alb as a string',
    config: { ...base, alb: 'alb/rules.json' },
    attribute: 'alb',
    message: '"alb" must be an object: { "rules": "listener-rules.json", "method": "GET", "url": "https://example.com/path" } (got "alb/rules.json")',
  },
  {
    name: 'alb without rules',
    config: { ...base, alb: { url: 'https://example.com/' } },
    attribute: 'alb.rules',
    message: '"alb.rules" must be the path of a JSON file with the listener rules (describe-rules output, a create-rule input or a CloudFormation template) (got nothing)',
  },
  { name: 'alb rules that are not there', config: { ...base, alb: { rules: 'rules.json', url: 'https://example.com/' } }, attribute: 'alb.rules', message: '"alb.rules" file /work/app/rules.json does not exist (relative paths start at "root")' },
  { name: 'alb without a URL', config: { ...base, alb: { rules: 'alb/rules.json' } }, attribute: 'alb.url', message: '"alb.url" must be the request\'s URL, e.g. "https://example.com/api/users?id=1" (got nothing)' },
  { name: 'alb with a URL without a scheme', config: { ...base, alb: { rules: 'alb/rules.json', url: 'example.com/api' } }, attribute: 'alb.url', message: '"alb.url": "example.com/api" is not an http:// or https:// URL' },
  { name: 'alb with a bad method', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', method: 'GET /' } }, attribute: 'alb.method', message: '"alb.method": "GET /" is not an HTTP method' },
  { name: 'alb with a header line without a name', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', headers: ['no colon'] } }, attribute: 'alb.headers', message: '"alb.headers": "no colon" is not a header: write "Name: value"' },
  { name: 'alb with a numeric header value', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', headers: { 'X-Id': 7 } } }, attribute: 'alb.headers.X-Id', message: '"alb.headers.X-Id" must be a string (got 7)' },
  { name: 'alb with a bad source IP', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', sourceIp: '300.1.1.1' } }, attribute: 'alb.sourceIp', message: '"alb.sourceIp": "300.1.1.1" is not an IPv4 or IPv6 address' },
  { name: 'alb with a JSON body as an object', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', body: { id: 1 } } }, attribute: 'alb.body', message: '"alb.body" must be the request body as a string (JSON bodies too: "{\\"id\\": 1}") (got {"id":1})' },
  { name: 'alb listener 0', config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', listener: 0 } }, attribute: 'alb.listener', message: '"alb.listener" must be a listener\'s number in the file, from 1 (got 0)' },
  {
    name: 'alb multiValueHeaders as a string',
    config: { ...base, alb: { rules: 'alb/rules.json', url: 'https://example.com/', multiValueHeaders: 'true' } },
    attribute: 'alb.multiValueHeaders',
    message: '"alb.multiValueHeaders" must be true or false (the target group\'s lambda.multi_value_headers.enabled) (got "true")',
  },
];

describe('debug: launch configuration', () => {
  describe('resolves', () => {
    for (const example of valid) {
      it(example.name, () => {
        const result = planLaunch(example.config, example.folder === '' ? undefined : (example.folder ?? folder), probe);
        assert.ok('plan' in result, 'problem' in result ? `${result.problem.attribute}: ${result.problem.message}` : '');
        const picked = Object.fromEntries(Object.keys(example.plan).map((key) => [key, result.plan[key as keyof LaunchPlan]]));
        assert.deepEqual(picked, example.plan);
      });
    }
  });

  describe('refuses, naming the attribute and what was expected', () => {
    for (const example of invalid) {
      it(example.name, () => {
        const result = planLaunch(example.config, example.folder === '' ? undefined : (example.folder ?? folder), probe);
        assert.ok('problem' in result, 'the configuration was accepted');
        assert.deepEqual(result.problem, { attribute: example.attribute, message: example.message });
      });
    }
  });

  it('leaves out every attribute that was not given', () => {
    const result = planLaunch(base, folder, probe);
    assert.ok('plan' in result);
    assert.deepEqual(Object.keys(result.plan).sort(), ['event', 'handler', 'moduleFile', 'name', 'root']);
  });
});
