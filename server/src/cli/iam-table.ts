import { readRequestTable, requestNotes, simulateRequest, type SimulationPolicy, type StatementTrace } from '../iam';
import type { CommandIO } from './command';
import { runJsonLinesTable } from './json-lines-table';

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
  return runJsonLinesTable(requestsFile, io, readRequestTable, 'decided', (line) => {
    const result = simulateRequest(policies, line.request);
    const notes = requestNotes(line.request);
    const deciding = result.deciding.map((d) => ({ location: at(d.policy, d.statement), sid: d.statement.sid ?? null }));
    io.stdout(`${JSON.stringify({ line: line.line, decision: result.decision, deciding, missingContextValues: result.missingContextValues, notes })}\n`);
    for (const note of notes) io.stderr(`${requestsFile}:${line.line}: note: ${note}\n`);
    if (line.expect === undefined || line.expect === result.decision) return true;
    io.stderr(`${requestsFile}:${line.line}: expected ${line.expect}, decided ${result.decision} (${result.reasons.join('; ')})\n`);
    return false;
  });
}
