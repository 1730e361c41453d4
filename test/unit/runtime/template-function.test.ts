import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { missingTemplateValues, templateFunction, templateFunctionEntries, templateFunctionFor } from '../../../server/src/runtime/template-function';

// A template's functions for the runtime: by logical id (the CLI, the template's lens),
// by code folder and handler string (a handler file's lens), and where each is for a lens.

const folder = resolve(__dirname, '../../../../test/fixtures/runtime/template');
const path = join(folder, 'template.yaml');
const text = readFileSync(path, 'utf8');

describe('runtime: the functions of a template', () => {
  it('lists every function with where its logical id is, for the lenses', () => {
    const entries = templateFunctionEntries(path, text);
    assert.deepEqual(entries.map((e) => e.id), ['EnvFunction', 'TableFunction', 'PythonFunction', 'LayeredFunction', 'LayeredPythonFunction']);
    for (const entry of entries) assert.equal(text.slice(entry.offset, entry.offset + entry.length), entry.id);
    assert.ok(entries.every((e) => e.notLocal === undefined));
  });

  it('lists the functions of a JSON template and of a serverless.yml, on their names', () => {
    const json = JSON.stringify({ Resources: { Api: { Type: 'AWS::Lambda::Function', Properties: { Code: 'api/', Handler: 'index.handler', Runtime: 'python3.12' } }, Inline: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'x' }, Handler: 'index.handler' } } } }, null, 2);
    const jsonPath = join(folder, 'template.json');
    const entries = templateFunctionEntries(jsonPath, json);
    assert.deepEqual(entries.map((e) => [e.id, json.slice(e.offset, e.offset + e.length), e.root, e.runtime, e.notLocal]), [
      ['Api', '"Api"', join(folder, 'api'), 'python3.12', undefined],
      ['Inline', '"Inline"', folder, undefined, "Inline's code is inline (Code.ZipFile): save it as a file in a folder and point Code there"],
    ]);
    const serverlessPath = resolve(__dirname, '../../../../examples/serverless/serverless.yml');
    const serverless = readFileSync(serverlessPath, 'utf8');
    const [resize] = templateFunctionEntries(serverlessPath, serverless);
    assert.deepEqual([resize?.id, resize?.runtime], ['resize', 'nodejs20.x']);
    assert.equal(serverless.slice(resize?.offset, (resize?.offset ?? 0) + (resize?.length ?? 0)), 'resize');
  });

  it('reads a function by logical id into its settings layer: Globals merged, layers made absolute', () => {
    const found = templateFunction(path, text, 'LayeredFunction');
    assert.ok(!('problem' in found), 'problem' in found ? found.problem : '');
    assert.equal(found.root, join(folder, 'src'));
    assert.deepEqual(found.layer, {
      handler: 'layered.handler',
      runtime: 'nodejs20.x',
      timeout: 7,
      memorySize: 128,
      environment: { STAGE: 'dev', SHARED: 'global' },
      layers: [join(folder, 'layers/common')],
      templatePath: path,
      functionId: 'LayeredFunction',
    });
    assert.equal(found.warnings.length, 1);
    assert.match(found.warnings[0] ?? '', /layer arn:aws:lambda:us-east-1:123456789012:layer:elsewhere:1 is not on this machine/);
  });

  const problems: ReadonlyArray<[string, string, string, RegExp]> = [
    ['an unknown id names the functions there are', text, 'Nope', /template\.yaml: no function "Nope" \(the functions are EnvFunction, TableFunction, PythonFunction, LayeredFunction, LayeredPythonFunction\)$/],
    ['code in S3 is not on this machine, located', 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: s3://bucket/key.zip\n      Handler: a.handler\n', 'F', /template\.yaml:2:3: F's code is s3:\/\/bucket\/key\.zip, not on this machine/],
    ['a template that is no YAML, located', 'Resources: [\n', 'F', /template\.yaml:\d+:\d+: the template cannot be read/],
  ];
  for (const [name, source, id, expected] of problems) {
    it(name, () => {
      const found = templateFunction(path, source, id);
      assert.ok('problem' in found);
      assert.match(found.problem, expected);
    });
  }

  it('names what the template cannot resolve until a stronger layer gives it', () => {
    const table = templateFunction(path, text, 'TableFunction');
    assert.ok(!('problem' in table));
    const missing = missingTemplateValues(table, { STAGE: 'dev' });
    assert.deepEqual(missing.map((m) => m.variable), ['TABLE']);
    assert.match(missing[0]?.message ?? '', /template\.yaml:36:23: environment variable TABLE: Table is a resource of the stack/);
    assert.deepEqual(missingTemplateValues(table, { TABLE: 'local-table' }), []);
  });

  it('finds the function of a handler by its code folder and handler string, the first when several share them', () => {
    const templates = [{ path, text }];
    assert.equal(templateFunctionFor(templates, join(folder, 'src'), 'env.handler')?.layer.functionId, 'EnvFunction');
    assert.equal(templateFunctionFor(templates, join(folder, 'py'), 'layered.handler')?.layer.functionId, 'LayeredPythonFunction');
    assert.equal(templateFunctionFor(templates, join(folder, 'src'), 'missing.handler'), undefined, 'another handler');
    assert.equal(templateFunctionFor(templates, folder, 'env.handler'), undefined, 'another code folder');
    assert.equal(templateFunctionFor([{ path, text: 'Resources: [\n' }], join(folder, 'src'), 'env.handler'), undefined, 'an unreadable template names nothing');
  });
});
