import type { Report } from '../../language/check';
import { iamData } from '../data/iam-data';
import { variablesOf } from '../variables';
import { guideDocs, iamCheck } from '../define';

/** A variable names a request context key; one that names no key is never replaced and the text never matches. */
export const unknownPolicyVariable = iamCheck({
  id: 'iam.unknown-policy-variable',
  severity: 'error',
  title: 'A policy variable names no condition key.',
  docs: guideDocs('reference_policies_variables.html'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const data = iamData();
    variablesOf(policy).forEach((variable) => {
      if (variable.name === '' || data.conditionKey(variable.name)) return;
      const known = variable.name.includes(':') && data.knowsKeyPrefix(variable.name);
      if (!known && variable.name.includes(':')) return;
      out.push({
        range: policy.rangeInString(variable.node, variable.start, variable.length),
        message: variable.name.includes(':')
          ? `\${${variable.name}} names no condition key, so it is never replaced. Variables such as \${aws:username} or \${aws:PrincipalTag/team} are.`
          : `\${${variable.name}} is not a policy variable: variables name a condition key, e.g. \${aws:username}.`,
      });
    });
    return out;
  },
});
