import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';

const pairs = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']] as const;

/** A statement takes an element or its Not form, never both. */
export const unsupportedElementCombination = iamCheck({
  id: 'UNSUPPORTED_ELEMENT_COMBINATION',
  severity: 'error',
  title: 'A statement has both an element and its Not form (e.g. Action and NotAction).',
  docs: analyzerDocs('error-unsupported-element-combination'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      for (const [plain, not] of pairs) {
        const second = statement.elements[not];
        if (statement.elements[plain] && second) {
          out.push({ range: policy.range(second.key), message: `A statement cannot have both "${plain}" and "${not}": keep one.` });
        }
      }
    });
    return out;
  },
});
