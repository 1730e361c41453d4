import { parseTree } from 'jsonc-parser';
import { createWorkbenchService } from '../server/src/workbench';
import type { Analysis } from '../server/src/language/service';
import { LspClient } from '../test/lsp/lsp-client';
import type { AsyncMeasurement, Measurement } from './measurement';

/** A typical policy: 20 statements of the kinds people write. */
function policyText(statements: number): string {
  const statement = (i: number) => ({
    Sid: `Statement${i}`,
    Effect: i % 7 === 0 ? 'Deny' : 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn-${i}:*`],
    Condition: { StringEquals: { 'aws:PrincipalTag/team': `team-${i % 5}` } },
  });
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(i)) }, null, 2);
}

const typical = policyText(20);
const small = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';

let client: LspClient | undefined;
let opened = 0;
const server = (): LspClient => {
  if (!client) throw new Error('the server is not started');
  return client;
};

/** Open a new document and wait for its diagnostics; close it so the server holds one document at a time. */
async function openToDiagnostics(): Promise<void> {
  const uri = `file:///bench/typical-${opened++}.json`;
  await server().open(uri, typical);
  await server().waitForDiagnostics(uri, 1);
  await server().close(uri);
}

const openMeasurement: AsyncMeasurement = {
  name: 'language server: open → diagnostics of a typical 20-statement policy (stdio)',
  baseline: 'an LSP round trip: hover on a small open document, same server',
  setup: async () => {
    ({ client } = await LspClient.start());
    await server().open('file:///bench/small.json', small);
    await server().waitForDiagnostics('file:///bench/small.json', 1);
  },
  teardown: async () => {
    await client?.stop();
    client = undefined;
  },
  ours: openToDiagnostics,
  base: () => server().request('textDocument/hover', { textDocument: { uri: 'file:///bench/small.json' }, position: { line: 0, character: 62 } }),
  target: 5,
};

/** The 5,000-statement policy, and the same with one character changed in its middle statement. */
const large = policyText(5000);
const middle = large.indexOf('"Statement2500"');
const edited = [large, `${large.slice(0, middle + 10)}X${large.slice(middle + 11)}`];
const service = createWorkbenchService();
let round = 0;
let last: Analysis | undefined;

const editMeasurement: Measurement = {
  name: 'language service: a one-character edit in a 5,000-statement policy (every check)',
  baseline: 'jsonc-parser parseTree of the same text',
  // Alternates the two texts, so every call is an edit of the one before; the previous analysis is handed over, as the server's analysis threads do.
  ours: () => (last = service.analyze(edited[round++ % 2] as string, undefined, undefined, undefined, { previous: last })),
  base: () => parseTree(large),
  target: 1.5,
};

export const measurements: Array<Measurement | AsyncMeasurement> = [openMeasurement, editMeasurement];
