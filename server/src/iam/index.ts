/**
 * The iam engine's front door: what the faces (CLI, language server, client)
 * may use. Inner modules stay private to the engine and its tests.
 */
import type { Reading } from '../language/service';
import { iamKind } from './detect';
import { policyOf, type Policy } from './policy';

export { decisions, simulateRequest, type Decision, type PolicyRole, type PolicyTrace, type SimulationPolicy, type SimulationResult } from './simulate/decide';
export { isPrivilege, type SimulationRequest } from './simulate/request';
export { readRequestTable, type RequestTableLine } from './simulate/request-table';
export { requestCompletions, type RequestProposal, type RequestWord } from './simulate/request-completion';
export { requestNotes } from './simulate/request-notes';
export type { PolicyType } from './policy-type';
export type { StatementTrace, ElementTrace } from './simulate/statement';
export type { ConditionTrace } from './simulate/conditions';
export type { Policy } from './policy';

/** The IAM policies a read document holds, in document order. */
export function policiesIn(reading: Reading): Policy[] {
  const { document, classification, fileName } = reading;
  return classification.regions.filter((r) => r.kind === iamKind).flatMap((region) => policyOf({ document, classification, fileName, region }) ?? []);
}
