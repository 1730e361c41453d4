import type { Report } from '../../language/check';
import { elementOf } from '../policy';
import { variableHosts, variablesIn } from '../variables';
import { analyzerDocs, iamCheck } from '../define';

/** Before 2012-10-17 (and without a Version), `${...}` is plain text. */
export const variableUnsupportedInVersion = iamCheck({
  id: 'VARIABLE_UNSUPPORTED_IN_VERSION',
  severity: 'error',
  title: 'A policy variable is used in a policy whose version does not support variables.',
  docs: analyzerDocs('error-variable-unsupported-in-version'),
  run(policy): Report[] {
    const out: Report[] = [];
    const version = elementOf(policy.root, 'Version')?.value;
    // A list of statements gets its Version from the tool that wraps it (the Serverless Framework writes 2012-10-17).
    if (policy.statementList || version?.value === '2012-10-17' || (version && version.type !== 'string')) return out;
    variableHosts(policy).forEach(({ node, value }) => {
      for (const variable of variablesIn(node, value)) {
        out.push({ range: policy.rangeInString(node, variable.start, variable.length), message: `\${${variable.name}} is plain text ${version ? 'in version 2008-10-17' : 'without a Version'}: set "Version": "2012-10-17" to use policy variables.` });
      }
    });
    return out;
  },
});
