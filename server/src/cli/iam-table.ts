import { readRequestTable, requestNotes, simulateRequest, type SimulationPolicy, type StatementTrace } from '../iam';
import { exitCodes, type CommandIO } from './command';
import { readText } from './files';

/** Where a statement is, as file:line:col. */
export type StatementPlace = (trace: { policy: SimulationPolicy['policy'] }, statement: StatementTrace) => string;

/**
 * `iam simulate POLICIES --requests FILE.jsonl`: one JSON line out per
 * request (the decision, the deciding statements, notes); each unmet
 * expectation, unreadable line and note printed as FILE:LINE on stderr. A
 * note fails no line, but a misspelt action expected to be denied would
 * pass unnoticed without it.
 */
export function runRequestTable(requestsFile: string, policies: readonly SimulationPolicy[], at: StatementPlace, io: CommandIO): number {
  const text = readText(requestsFile, io);
  if (text === undefined) return exitCodes.usage;
  let failures = 0;
  let requests = 0;
  for (const line of readRequestTable(text)) {
    if (line.kind === 'problem') {
      io.stderr(`${requestsFile}:${line.line}: error: ${line.message}\n`);
      failures++;
      continue;
    }
    requests++;
    const result = simulateRequest(policies, line.request);
    const notes = requestNotes(line.request);
    const deciding = result.deciding.map((d) => ({ location: at(d.policy, d.statement), sid: d.statement.sid ?? null }));
    io.stdout(`${JSON.stringify({ line: line.line, decision: result.decision, deciding, missingContextValues: result.missingContextValues, notes })}\n`);
    for (const note of notes) io.stderr(`${requestsFile}:${line.line}: note: ${note}\n`);
    if (line.expect !== undefined && line.expect !== result.decision) {
      io.stderr(`${requestsFile}:${line.line}: expected ${line.expect}, decided ${result.decision} (${result.reasons.join('; ')})\n`);
      failures++;
    }
  }
  io.stderr(`${requests} request(s) decided; ${failures === 0 ? 'every expectation met' : `${failures} line(s) failed`}\n`);
  return failures ? exitCodes.findings : exitCodes.ok;
}
