import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { valueSpan } from '../../document/string-span';
import { conditionsOf } from './walk';

/** RFC 7230 token characters. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * http-header conditions: the name is an RFC 7230 token of at most 40
 * characters, without wildcards, and not `Host` (that is what host-header
 * conditions are for); each value is at most 128 characters.
 */
export const httpHeaderValue = defineCheck({
  id: 'alb.http-header-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'An http-header condition names a header AWS cannot match, or a value is too long.',
  docs: albDocs.headerConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'http-header') continue;
      const name = condition.headerName;
      if (name?.value !== undefined) {
        const text = name.value;
        const wildcard = /[*?]/.exec(text);
        if (text.toLowerCase() === 'host') {
          yield { range: name.range, message: 'An http-header condition cannot match the Host header; use a host-header condition.' };
        } else if (wildcard) {
          yield { range: valueSpan(context.document.text, name.range, wildcard.index, 1), message: 'Header names do not take wildcards; name the header exactly.' };
        } else if (!token.test(text)) {
          yield { range: name.range, message: `"${text}" is not a header name: use letters, digits and !#$%&'*+-.^_\`|~, without spaces or ":".` };
        } else if (text.length > 40) {
          yield { range: name.range, message: `This header name has ${text.length} characters; the limit is 40.` };
        }
      }
      for (const item of condition.values) {
        if ((item.value?.length ?? 0) > 128) yield { range: item.range, message: `This header value has ${item.value?.length ?? 0} characters; the limit is 128.` };
      }
    }
  },
});
