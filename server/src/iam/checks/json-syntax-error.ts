import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

/** A policy kept as a JSON string (get-bucket-policy output) has JSON of its own, which the document's syntax check cannot see. */
export const jsonSyntaxError = iamCheck({
  id: 'JSON_SYNTAX_ERROR',
  severity: 'error',
  title: 'A policy kept as a JSON string is not valid JSON.',
  docs: analyzerDocs('error-json-syntax-error'),
  run(policy): Report[] {
    const problem = policy.inner?.syntaxProblems[0];
    if (!problem) return [];
    return [{ range: policy.range({ offset: problem.offset, length: problem.length }), message: `The policy in this string is not valid JSON (${problem.code}).` }];
  },
});
