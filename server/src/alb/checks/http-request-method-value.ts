import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { conditionsOf } from './walk';

/** Methods are compared exactly (case-sensitive): up to 40 characters of A–Z, `-` and `_`. */
export const httpRequestMethodValue = defineCheck({
  id: 'alb.http-request-method-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'An http-request-method value is not an upper-case method name.',
  docs: albDocs.methodConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'http-request-method') continue;
      for (const item of condition.values) {
        const method = item.value;
        if (method === undefined) continue;
        if (/^[A-Za-z_-]+$/.test(method) && method !== method.toUpperCase()) {
          const upper = method.toUpperCase();
          yield {
            range: item.range,
            message: `Methods are matched case-sensitively and written in upper case: "${method}" would never match; use "${upper}".`,
            fixes: [{ title: `Change to "${upper}"`, edits: [{ ...item.range, newText: JSON.stringify(upper) }], preferred: true }],
          };
        } else if (!/^[A-Z_-]+$/.test(method)) {
          yield { range: item.range, message: `"${method}" is not a method name; use A–Z, "-" and "_" only (wildcards are not supported).` };
        } else if (method.length > 40) {
          yield { range: item.range, message: `This method name has ${method.length} characters; the limit is 40.` };
        }
      }
    }
  },
});
