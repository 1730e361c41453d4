import { parseSourceDocument } from '../document/parse';
import { policiesIn, requestNotes, simulateRequest, type PolicyRole, type PolicyType, type SimulationPolicy } from '../iam';
import type { Reading } from '../language/service';
import { classifyTree } from '../workbench';
import type { IamPolicyView, IamSimulateParams, IamSimulateResult, IamStatementsResult } from './protocol';

/** The role a policy plays when the client names none: its own type's (a trust policy is its role's resource policy). */
const roleOfType: Readonly<Record<PolicyType, PolicyRole>> = {
  identity: 'identity', resource: 'resource', trust: 'resource', boundary: 'boundary', scp: 'scp', rcp: 'rcp',
};

/** The statements of every IAM policy an analysed document holds, as ranges of its text. */
export function iamStatements(reading: Reading, version: number): IamStatementsResult {
  const statements = policiesIn(reading).flatMap((policy) =>
    policy.statements.map((s) => {
      const sid = s.elements.Sid?.value.type === 'string' ? String(s.elements.Sid.value.value) : undefined;
      const action = s.actions.find((a) => a.element === 'Action' && !/[*?$]/.test(a.value))?.value;
      // A pattern stands for its resources: one of them, with the wildcards filled, is a request to start from.
      const resource = s.resources.find((r) => r.element === 'Resource')?.value.replace(/(.)\*/g, '$1example').replace(/\?/g, 'x');
      return { ...policy.range(s.node), ...(sid !== undefined ? { sid } : {}), ...(action !== undefined ? { action } : {}), ...(resource !== undefined ? { resource } : {}) };
    }),
  );
  return { version, statements };
}

/**
 * Decides the request against the files' policies; ranges in the answer index each file's text as sent.
 * The files are parsed and classified only: the checks' findings have no part in a decision, and the
 * preview asks again on every edit.
 */
export function iamSimulate({ files, request }: IamSimulateParams): IamSimulateResult {
  const problems: Array<{ uri: string; message: string }> = [];
  const given: Array<SimulationPolicy & { readonly uri: string }> = [];
  for (const file of files) {
    const document = parseSourceDocument(file.text, file.format);
    const [syntax] = document.syntaxProblems;
    if (syntax) {
      problems.push({ uri: file.uri, message: `line ${document.lines.positionAt(syntax.offset).line + 1}: ${syntax.message ?? syntax.code}; the policy cannot be read` });
      continue;
    }
    const policies = policiesIn({ document, classification: classifyTree(document.root), fileName: file.uri });
    if (policies.length === 0) problems.push({ uri: file.uri, message: 'holds no IAM policy (a policy document, CLI output holding one, or a template)' });
    for (const policy of policies) given.push({ uri: file.uri, role: file.role ?? roleOfType[policy.type.type], name: file.uri, policy });
  }
  if (problems.length) return { problems };
  const result = simulateRequest(given, { ...request, principal: request.principal });
  const deciding = new Set(result.deciding.map((d) => d.statement));
  const policies: IamPolicyView[] = result.policies.map((trace, i) => ({
    uri: given[i]?.uri ?? trace.name,
    role: trace.role,
    statements: trace.statements.map((s) => ({
      range: trace.policy.range(s.statement.node),
      sid: s.sid ?? null,
      effect: s.effect ?? null,
      applies: s.applies,
      deciding: deciding.has(s),
      action: s.action,
      resource: s.resource,
      principal: s.principal ? { matched: s.principal.matched, reason: s.principal.reason } : null,
      conditions: s.conditions.map((c) => ({ operator: c.operator, key: c.key, values: c.values, seen: c.seen ?? null, matched: c.matched, reason: c.reason, range: trace.policy.range(c.node) })),
    })),
  }));
  return { decision: result.decision, reasons: result.reasons, crossAccount: result.crossAccount, missingContextValues: result.missingContextValues, notes: requestNotes(request), policies };
}
