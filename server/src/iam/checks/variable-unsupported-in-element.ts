import { holdsIntrinsic, strings } from '../values';
import { variablesIn } from '../variables';
import { analyzerDocs, iamCheck } from '../define';

/** Variables are replaced in Resource and condition values only; in an action they are plain text. */
export const variableUnsupportedInElement = iamCheck({
  id: 'VARIABLE_UNSUPPORTED_IN_ELEMENT',
  severity: 'error',
  title: 'A policy variable is used in an element that does not support variables.',
  docs: analyzerDocs('error-variable-unsupported-in-element'),
  *run(policy) {
    for (const statement of policy.statements) {
      for (const element of ['Action', 'NotAction'] as const) {
        const value = statement.elements[element]?.value;
        if (!value || holdsIntrinsic(value)) continue;
        for (const { node, value: text } of strings(value)) {
          for (const variable of variablesIn(node, text)) {
            yield { range: policy.rangeInString(node, variable.start, variable.length), message: `Policy variables are not replaced in ${element}: \${${variable.name}} is plain text here.` };
          }
        }
      }
    }
  },
});
