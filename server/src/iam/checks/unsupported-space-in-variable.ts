import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { variableParts, variablesOf } from '../variables';

/** A variable's name takes no space; only its default may have one. */
export const unsupportedSpaceInVariable = iamCheck({
  id: 'UNSUPPORTED_SPACE_IN_VARIABLE',
  severity: 'error',
  title: 'A policy variable\'s name has a space.',
  docs: analyzerDocs('error-unsupported-space-in-variable'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    variablesOf(policy).forEach((variable) => {
      const parts = variableParts(variable.text);
      // The space before ", 'default'" is the separator's, which AWS's own examples write without; left to the reader.
      const name = parts.fallback === undefined ? parts.name : parts.name.trimEnd();
      if (name.trim() === '' || !/\s/.test(name)) return;
      out.push({ range: policy.rangeInString(variable.node, variable.start, variable.length), message: `"\${${variable.text}}" has a space in its name: write \${${variable.name}${parts.fallback === undefined ? '' : `,${parts.fallback}`}}.` });
    });
    return out;
  },
});
