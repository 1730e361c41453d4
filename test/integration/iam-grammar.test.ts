import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

// The injection grammar tokenized by VS Code's own TextMate engine and JSON grammar,
// found in the running VS Code's app root, as VS Code injects it (package.json injectTo).

interface Token {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[] };
}
interface TextMate {
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  INITIAL: unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

const extensionId = 'lambda-workbench.lambda-workbench';

async function jsonGrammar(): Promise<{ grammar: Grammar; initial: unknown }> {
  const appRoot = vscode.env.appRoot;
  const modules = join(appRoot, 'node_modules');
  const textmate = require(join(modules, 'vscode-textmate')) as TextMate;
  const oniguruma = require(join(modules, 'vscode-oniguruma')) as Oniguruma;
  const wasm = readFileSync(join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  const contributed = (extension.packageJSON as { contributes: { grammars: Array<{ scopeName: string; path: string; injectTo: string[] }> } }).contributes.grammars;
  const grammarFiles = new Map<string, string>([['source.json', join(appRoot, 'extensions', 'json', 'syntaxes', 'JSON.tmLanguage.json')]]);
  for (const g of contributed) grammarFiles.set(g.scopeName, join(extension.extensionPath, g.path));

  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = grammarFiles.get(scope);
      return file ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : null;
    },
    getInjections: (scope: string) => contributed.filter((g) => g.injectTo.includes(scope)).map((g) => g.scopeName),
  });
  const grammar = await registry.loadGrammar('source.json');
  assert.ok(grammar, 'VS Code\'s JSON grammar loads');
  return { grammar, initial: textmate.INITIAL };
}

function scopesOf(grammar: Grammar, initial: unknown, line: string, text: string): string[] {
  const at = line.indexOf(text);
  const token = grammar.tokenizeLine(line, initial).tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return token?.scopes ?? [];
}

describe('IAM highlighting in JSON', () => {
  it('marks policy variables, ARN fields and action service prefixes inside JSON strings', async () => {
    const { grammar, initial } = await jsonGrammar();
    const line = '{"Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/home/${aws:username}/*", "Other": "not:an action"}';
    assert.ok(scopesOf(grammar, initial, line, '${aws:username}').includes('variable.other.iam-policy'));
    assert.ok(scopesOf(grammar, initial, line, 'aws:username').includes('variable.parameter.iam-policy'));
    assert.ok(scopesOf(grammar, initial, line, 's3:::').includes('entity.name.namespace.service.iam-policy'), 'the ARN service field');
    assert.ok(scopesOf(grammar, initial, line, 's3:GetObject').includes('entity.name.namespace.service.iam-policy'), 'the action service prefix');
    assert.ok(scopesOf(grammar, initial, line, 'GetObject').includes('entity.name.function.action.iam-policy'));
    assert.ok(scopesOf(grammar, initial, line, 'GetObject').includes('string.quoted.double.json'), 'still a JSON string');
    assert.deepEqual(scopesOf(grammar, initial, line, 'not:an action').filter((s) => s.endsWith('.iam-policy')), []);
  });
});
