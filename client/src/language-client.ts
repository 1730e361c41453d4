import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

/** JSON and YAML documents the server analyses; it tells by content which ones are ours. */
const documentSelector = ['file', 'untitled'].flatMap((scheme) => [
  { scheme, language: 'json' },
  { scheme, language: 'jsonc' },
  { scheme, language: 'yaml' },
]);

/** Creates the client for the bundled server, run as a Node child process over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Red Hat's YAML extension reports YAML syntax errors; without it nothing does, so the server must.
  const initializationOptions: InitializationOptions = {
    editorReportsJsonSyntax: true,
    editorReportsYamlSyntax: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'lambdaWorkbench' },
  };
  return new LanguageClient('lambdaWorkbench', 'Lambda Workbench', serverOptions, clientOptions);
}
