import { policiesIn, simulateRequest, type PolicyRole, type SimulationPolicy, type SimulationResult } from '../../../../server/src/iam';
import { createWorkbenchService } from '../../../../server/src/workbench';

const service = createWorkbenchService();

/** A policy of the given role from its statements, parsed by the workbench service as the CLI does. */
export function policyOf(role: PolicyRole, statements: readonly object[], name = `${role}.json`): SimulationPolicy {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  const [policy] = policiesIn(service.analyze(text, undefined, name));
  if (!policy) throw new Error(`no policy found in ${text}`);
  return { role, name, policy };
}

export interface Ask {
  readonly action: string;
  readonly resource: string;
  readonly principal?: string;
  readonly context?: ReadonlyArray<readonly [string, string]>;
}

export function ask(policies: readonly SimulationPolicy[], request: Ask): SimulationResult {
  return simulateRequest(policies, { action: request.action, resource: request.resource, principal: request.principal, context: request.context ?? [] });
}
