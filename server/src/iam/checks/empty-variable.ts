import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { variableParts, variablesOf } from '../variables';

export const emptyVariable = iamCheck({
  id: 'EMPTY_VARIABLE',
  severity: 'error',
  title: 'A policy variable names nothing ("${}").',
  docs: analyzerDocs('error-empty-variable'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    variablesOf(policy).forEach((variable) => {
      if (variableParts(variable.text).name.trim() !== '') return;
      out.push({ range: policy.rangeInString(variable.node, variable.start, variable.length), message: `"\${${variable.text}}" names no condition key: write one between the braces, e.g. \${aws:username}, or remove it.` });
    });
    return out;
  },
});
