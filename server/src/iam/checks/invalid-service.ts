import type { Report } from '../../language/check';
import { isOpen, resourceArns } from '../arn';
import { conditionsOf } from '../conditions';
import { iamData } from '../data/iam-data';
import { retiredService } from '../data/retired-services';
import { analyzerDocs, iamCheck } from '../define';
import type { Policy } from '../policy';
import { closest } from '../suggest';

/** A condition key's prefix, or a resource ARN's service field, that names no service: Access Analyzer reports both as INVALID_SERVICE. */
export const invalidService = iamCheck({
  id: 'INVALID_SERVICE',
  severity: 'error',
  title: 'A condition key\'s prefix or a resource ARN\'s service names no service.',
  docs: analyzerDocs('error-invalid-service'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    conditionsOf(policy).forEach((entry) => {
      const colon = entry.name.indexOf(':');
      if (entry.info || colon <= 0 || data.knowsKeyPrefix(entry.name) || retiredService(entry.name.slice(0, colon))) return;
      const prefix = entry.name.slice(0, colon);
      out.push({ range: policy.rangeInString(entry.key, 0, prefix.length), message: `"${prefix}" is not a service prefix, so "${entry.name}" is never in a request.` });
    });
    unknownArnServices(policy, out);
    return out;
  },
});

/** An ARN's third field names the service that owns the resource: an empty or unknown one matches no resource. */
function unknownArnServices(policy: Policy, out: Report[]): void {
  const services = iamData().arnServices();
  resourceArns(policy).forEach(({ node, value, arn }) => {
    const field = arn.service;
    // Case is INVALID_ARN_SERVICE_CASE's to report; too few fields, MISSING_ARN_FIELD's.
    if (!field || arn.fields.length < 4 || isOpen(field) || services.has(field.text.toLowerCase())) return;
    if (field.text === '') {
      out.push({ range: policy.range(node), message: `"${value}" has no service: an ARN is arn:partition:service:region:account:resource.` });
      return;
    }
    const suggestion = closest(field.text, services);
    const fixed = suggestion && value.slice(0, field.start) + suggestion + value.slice(field.start + field.text.length);
    out.push({
      range: policy.rangeInString(node, field.start, field.text.length),
      message: `No AWS service writes "${field.text}" in its ARNs, so this resource matches nothing.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      ...(fixed ? { fixes: [{ title: `Change to "${suggestion}"`, edits: [{ ...policy.range(node), newText: policy.literal(fixed) }], preferred: true }] } : {}),
    });
  });
}
