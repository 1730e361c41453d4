import type { Node } from 'jsonc-parser';
import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';
import type { Policy } from '../policy';
import { principalEntries } from '../principal-values';
import { isServicePrincipal } from '../service-principal';

/** Condition keys whose values are service principals (IAM and AWS KMS documentation). */
const principalKeys = new Set(['aws:principalservicename', 'aws:principalservicenameslist', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast', 'iam:passedtoservice', 'iam:awsservicename']);

/** A service principal is `service-name.amazonaws.com` (`lambda`, `Lambda Service` or an ARN are not), regional for kms:ViaService. */
export const invalidServicePrincipalFormat = iamCheck({
  id: 'INVALID_SERVICE_PRINCIPAL_FORMAT',
  severity: 'error',
  title: 'A service principal does not have the format service-name.amazonaws.com.',
  docs: analyzerDocs('error-invalid-service-principal-format'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    principalEntries(policy).forEach(({ kind, values }) => {
      if (kind !== 'Service') return;
      for (const { node, value } of values) if (judged(value) && !isServicePrincipal(value)) out.push(report(policy, node, value, false));
    });
    conditionsOf(policy).forEach((entry) => {
      const name = entry.lowerName;
      const regional = name === 'kms:viaservice';
      if ((!regional && !principalKeys.has(name)) || !entry.parsed || entry.parsed.base === 'Null') return;
      for (const node of entry.values) {
        const value = valueText(node) ?? '';
        if (judged(value) && !isServicePrincipal(value, regional)) out.push(report(policy, node, value, regional));
      }
    });
    return out;
  },
});

/** Wildcards and policy variables make a pattern, not a principal: left alone (other checks look at wildcards in principals). */
function judged(value: string): boolean {
  return !/[*?]|\$\{/.test(value);
}

function report(policy: Policy, node: Node, value: string, regional: boolean): Report {
  const format = regional ? 'service-name.region.amazonaws.com (e.g. "s3.us-east-1.amazonaws.com")' : 'service-name.amazonaws.com (e.g. "lambda.amazonaws.com")';
  const bare = !regional && /^[a-z0-9-]+$/.test(value);
  return {
    range: policy.range(node),
    message: `"${value}" is not a service principal: use the format ${format}.`,
    ...(bare ? { fixes: [{ title: `Change to "${value}.amazonaws.com"`, edits: [{ ...policy.range(node), newText: policy.literal(`${value}.amazonaws.com`) }] }] } : {}),
  };
}
