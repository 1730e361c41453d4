import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { effectOf, holdsIntrinsic, strings } from '../values';

/** In an RCP, Allow exists only for AWS's RCPFullAWSAccess shape: every principal, every resource, no condition. */
export const rcpSyntaxErrorAllow = iamCheck({
  id: 'RCP_SYNTAX_ERROR_ALLOW',
  severity: 'error',
  title: 'An Allow statement of a resource control policy narrows its resources or has a Condition.',
  docs: analyzerDocs('error-rcp-syntax-error-allow'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    if (policy.type.type !== 'rcp') return out;
    const why = 'RCPs you write restrict with "Effect": "Deny"; an Allow may only let everything through (all resources, no Condition).';
    policy.statements.forEach((statement) => {
      if (effectOf(statement) !== 'Allow') return;
      const { Resource: resource, NotResource: notResource, Condition: condition } = statement.elements;
      if (notResource) out.push({ range: policy.range(notResource.key), message: why });
      if (resource && !holdsIntrinsic(resource.value)) {
        for (const { node, value } of strings(resource.value)) if (value !== '*') out.push({ range: policy.range(node), message: why });
      }
      if (condition) out.push({ range: policy.range(condition.key), message: why });
    });
    return out;
  },
});
