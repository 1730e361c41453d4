import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { valueSpan } from '../../document/string-span';
import { conditionsOf } from './walk';

/** Path patterns: up to 128 characters of A–Z, a–z, 0–9, `_-.$/~"'@:+&` and the wildcards. */
export const pathPatternValue = defineCheck({
  id: 'alb.path-pattern-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'A path-pattern value is too long or has a character AWS does not allow.',
  docs: albDocs.pathConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'path-pattern') continue;
      for (const item of condition.values) {
        const path = item.value;
        if (path === undefined) continue;
        const bad = /[^A-Za-z0-9_\-.$/~"'@:+&*?]/.exec(path);
        if (bad) {
          const hint = bad[0] === '?' ? '' : bad[0] === '%' ? ' (percent-encoded characters are not allowed)' : '';
          yield {
            range: valueSpan(context.document.text, item.range, bad.index, 1),
            message: `"${bad[0]}" is not allowed in a path pattern${hint}; use letters, digits, _-.$/~"'@:+&, and the wildcards "*" and "?".`,
          };
        } else if (path.length > 128) {
          yield { range: item.range, message: `This path pattern has ${path.length} characters; the limit is 128.` };
        }
      }
    }
  },
});
