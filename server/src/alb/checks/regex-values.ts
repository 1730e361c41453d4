import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { valueSpan } from '../../document/string-span';
import { compileAwsRegex, unsupportedFeatures } from '../patterns/regex';
import type { Located } from '../model/types';
import { conditionsOf } from './walk';

const regexFields: ReadonlySet<string> = new Set(['host-header', 'path-pattern', 'http-header']);

/**
 * `RegexValues`: only on host-header, path-pattern and http-header
 * conditions, never together with `Values`, at most 128 characters, and
 * without the regex features ALB does not support.
 */
export const regexValues = defineCheck({
  id: 'alb.regex-values',
  scope: 'alb-config',
  severity: 'error',
  title: 'RegexValues are on the wrong condition, next to Values, or use regex features ALB does not support.',
  docs: albDocs.conditionTypes,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      const lists = [condition.forms.regexValues, condition.forms.configRegexValues].filter((list) => list !== undefined);
      if (lists.length === 0 || !condition.kind) continue;
      if (!regexFields.has(condition.kind)) {
        for (const list of lists) yield { range: list.key, message: `RegexValues work only on host-header, path-pattern and http-header conditions, not ${condition.kind}.` };
        continue;
      }
      if (condition.values.length > 0) {
        for (const list of lists) yield { range: list.key, message: 'Use either Values or RegexValues in a condition, not both.' };
      }
      for (const item of condition.regexValues) yield* regexProblems(context.document.text, item);
    }
  },
});

/** What is wrong with one regex: shared with the transforms check. */
export function* regexProblems(text: string, item: Located<string>, maxLength = 128): Iterable<Report> {
  const source = item.value;
  if (source === undefined) return;
  if (source.length > maxLength) {
    yield { range: item.range, message: `This regex has ${source.length} characters; the limit is ${maxLength}.` };
  }
  const problems = unsupportedFeatures(source);
  for (const problem of problems) {
    yield {
      range: valueSpan(text, item.range, problem.offset, problem.length),
      message: `ALB regexes do not support ${problem.feature} ("${source.slice(problem.offset, problem.offset + problem.length)}").`,
    };
  }
  if (problems.length) return;
  const compiled = compileAwsRegex(source);
  if ('error' in compiled && compiled.syntax) yield { range: item.range, message: `This is not a valid regular expression: ${compiled.error}.` };
}
