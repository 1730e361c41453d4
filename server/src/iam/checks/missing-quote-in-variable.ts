import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { variableParts, variablesOf } from '../variables';

/** A variable's default is a single-quoted text: `${aws:PrincipalTag/team, 'company-wide'}`. */
export const missingQuoteInVariable = iamCheck({
  id: 'MISSING_QUOTE_IN_VARIABLE',
  severity: 'error',
  title: 'A policy variable\'s default value is not in single quotes.',
  docs: analyzerDocs('error-missing-quote-in-variable'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    variablesOf(policy).forEach((variable) => {
      const fallback = variableParts(variable.text).fallback?.trim();
      if (fallback === undefined || (fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'"))) return;
      const bare = fallback.replace(/^'|'$/g, '');
      out.push({ range: policy.rangeInString(variable.node, variable.start, variable.length), message: `The default of "\${${variable.text}}" must begin and end with a single quote: write \${${variable.name}, '${bare}'}.` });
    });
    return out;
  },
});
