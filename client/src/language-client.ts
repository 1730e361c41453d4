import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

/** JSON documents the server analyses; it tells by content which ones are ours. */
const documentSelector = ['file', 'untitled'].flatMap((scheme) => [
  { scheme, language: 'json' },
  { scheme, language: 'jsonc' },
]);

/** Creates the client for the bundled server, run as a Node child process over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = { editorReportsJsonSyntax: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: 'lambdaWorkbench' },
  };
  return new LanguageClient('lambdaWorkbench', 'Lambda Workbench', serverOptions, clientOptions);
}
