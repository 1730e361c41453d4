import type { Report } from '../../language/check';
import { actionStringsOf } from '../actions';
import { variablesIn } from '../variables';
import { analyzerDocs, iamCheck } from '../define';

/** Variables are replaced in Resource and condition values only; in an action they are plain text. */
export const variableUnsupportedInElement = iamCheck({
  id: 'VARIABLE_UNSUPPORTED_IN_ELEMENT',
  severity: 'error',
  title: 'A policy variable is used in an element that does not support variables.',
  docs: analyzerDocs('error-variable-unsupported-in-element'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    actionStringsOf(policy).forEach((action) => {
      if (!action.hasVariable) return;
      for (const variable of variablesIn(action.node, action.value)) {
        out.push({ range: policy.rangeInString(action.node, variable.start, variable.length), message: `Policy variables are not replaced in ${action.element}: \${${variable.name}} is plain text here.` });
      }
    });
    return out;
  },
});
