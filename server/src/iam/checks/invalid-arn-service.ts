import type { Report } from '../../language/check';
import { isOpen, resourceArns } from '../arn';
import { iamData } from '../data/iam-data';
import { guideDocs, iamCheck } from '../define';
import { closest } from '../suggest';

/** An ARN's third field names the service that owns the resource: an empty or unknown one matches no resource. */
export const invalidArnService = iamCheck({
  id: 'iam.invalid-arn-service',
  severity: 'error',
  title: 'A resource ARN names a service that has no ARNs.',
  docs: guideDocs('reference_identifiers.html#identifiers-arns'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
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
    return out;
  },
});
