import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import type { Statement } from '../policy';
import { strings } from '../values';

/** Which principals each federation action takes: a SAML provider for AssumeRoleWithSAML, an OIDC provider for AssumeRoleWithWebIdentity. */
const federationActions: Readonly<Record<string, { readonly name: string; readonly fits: (kind: string, value: string) => boolean }>> = {
  'sts:assumerolewithsaml': { name: 'sts:AssumeRoleWithSAML', fits: (kind, value) => kind === 'Federated' && isSaml(value) },
  'sts:assumerolewithwebidentity': { name: 'sts:AssumeRoleWithWebIdentity', fits: (kind, value) => kind === 'Federated' && !isSaml(value) },
};

function isSaml(value: string): boolean {
  return value.includes(':saml-provider/');
}

export const mismatchedActionForPrincipal = iamCheck({
  id: 'MISMATCHED_ACTION_FOR_PRINCIPAL',
  severity: 'error',
  title: 'A federation action is allowed to a principal that cannot call it.',
  docs: analyzerDocs('error-mismatched-action-for-principal'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'trust') return out;
    policy.statements.forEach((statement) => {
      const principals = principalsOf(statement);
      if (principals.length === 0) return;
      for (const action of statement.actions) {
        const rule = action.element === 'Action' ? federationActions[action.value.toLowerCase()] : undefined;
        if (!rule) continue;
        const wrong = principals.filter((p) => !rule.fits(p.kind, p.value)).map((p) => `${p.kind} "${p.value}"`);
        if (wrong.length === 0) continue;
        out.push({ range: policy.range(action.node), message: `${rule.name} is invalid with ${wrong.join(', ')}: use a SAML provider (Federated) with sts:AssumeRoleWithSAML, an OIDC provider (Federated) with sts:AssumeRoleWithWebIdentity.` });
      }
    });
    return out;
  },
});

/** The statement's Principal values by kind; none when it is "*", holds a wildcard or cannot be read. */
function principalsOf(statement: Statement): Array<{ kind: string; value: string }> {
  const principal = statement.elements.Principal?.value;
  if (principal?.type !== 'object') return [];
  const out: Array<{ kind: string; value: string }> = [];
  for (const property of principal.children ?? []) {
    const [kindNode, value] = property.children ?? [];
    if (!kindNode || !value) continue;
    if (value.type !== 'string' && value.type !== 'array') return [];
    for (const s of strings(value)) {
      if (s.value.includes('*')) return [];
      out.push({ kind: String(kindNode.value), value: s.value });
    }
  }
  return out;
}
