import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { valueSpan } from '../../document/string-span';
import { conditionsOf } from './walk';

/**
 * Host values: up to 128 characters of A–Z, a–z, 0–9, `-`, `.`, `*` and `?`,
 * with at least one `.` and only letters after the last one. A port is not
 * part of a host value; matching one takes RegexValues.
 */
export const hostHeaderValue = defineCheck({
  id: 'alb.host-header-value',
  scope: 'alb-config',
  severity: 'error',
  title: 'A host-header value is not a host name AWS accepts.',
  docs: albDocs.hostConditions,
  *run(context): Iterable<Report> {
    for (const { condition } of conditionsOf(context)) {
      if (condition.kind !== 'host-header') continue;
      for (const item of condition.values) {
        const host = item.value;
        if (host === undefined) continue;
        const port = /:\d*$/.exec(host);
        const bad = /[^A-Za-z0-9.*?-]/.exec(host);
        if (port) {
          yield {
            range: valueSpan(context.document.text, item.range, port.index, port[0].length),
            message: `Host values cannot carry a port; to match a Host header with a port, use RegexValues (e.g. "^${host.slice(0, port.index).replace(/\./g, '\\\\.')}${port[0]}$").`,
          };
        } else if (bad) {
          yield {
            range: valueSpan(context.document.text, item.range, bad.index, 1),
            message: `"${bad[0]}" is not allowed in a host value; use letters, digits, "-", ".", and the wildcards "*" and "?".`,
          };
        } else if (!host.includes('.')) {
          yield { range: item.range, message: `A host value needs at least one "." (e.g. "${host || 'example'}.com").` };
        } else if (/[^A-Za-z*?]/.test(host.slice(host.lastIndexOf('.') + 1))) {
          yield { range: item.range, message: 'A host value can have only letters after its last "." (the top-level domain).' };
        } else if (host.length > 128) {
          yield { range: item.range, message: `This host value has ${host.length} characters; the limit is 128.` };
        }
      }
    }
  },
});
