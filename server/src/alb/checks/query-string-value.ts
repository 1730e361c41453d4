import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { conditionsOf } from './walk';

/** Query-string pairs: a Value (the Key may be omitted), each at most 128 characters. */
export const queryStringValue = defineCheck({
  id: 'alb.query-string-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'A query-string pair has no value or a key or value longer than 128 characters.',
  docs: albDocs.queryConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'query-string') continue;
      for (const pair of condition.queryPairs) {
        if (!pair.value) {
          yield { range: pair.range, message: 'A query-string pair needs a Value to compare (use "*" to accept any value of the Key).' };
        }
        for (const [what, part] of [['key', pair.key], ['value', pair.value]] as const) {
          const text = part?.value;
          if (part && text !== undefined && text.length > 128) {
            yield { range: part.range, message: `This query-string ${what} has ${text.length} characters; the limit is 128.` };
          } else if (part && text === '') {
            yield { range: part.range, message: `An empty query-string ${what} is not allowed${what === 'key' ? '; leave the Key out to match any key' : ''}.` };
          }
        }
      }
    }
  },
});
