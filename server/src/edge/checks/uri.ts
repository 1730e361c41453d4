import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import type { Node } from 'jsonc-parser';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { edgeRecords } from '../event/records';

/** `request.uri` is a path: it starts with `/`, and the query string and fragment are not part of it. */
export const uri = defineCheck({
  id: 'edge.uri',
  scope: 'edge-event',
  severity: 'error',
  title: 'The uri does not start with a slash, or holds a query string, fragment or whitespace.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = propertyValue(record.request, 'uri');
      const text = stringValue(node);
      if (!node || text === undefined) continue;
      if (!text.startsWith('/')) {
        yield { range: rangeOf(node), message: `The uri "${text}" must start with "/": it is the path of the requested object.`, fixes: [replaceFix('Add the leading "/"', node, JSON.stringify(`/${text}`))] };
      } else if (text.includes('?')) {
        const fix = splitQueryFix(node, text, propertyValue(record.request, 'querystring'));
        yield { range: rangeOf(node), message: 'The uri holds a "?": CloudFront passes the query string apart, in "querystring".', ...(fix ? { fixes: [fix] } : {}) };
      } else if (text.includes('#')) {
        yield { range: rangeOf(node), message: 'The uri holds a "#": browsers never send the fragment, so CloudFront never passes one.' };
      } else if (/[\s\u0000-\u001f\u007f]/.test(text)) {
        yield { range: rangeOf(node), message: 'The uri holds whitespace or a control character, which a request line cannot; CloudFront passes it percent-encoded (%20).' };
      }
    }
  },
});

/** `"/a?b=1"` with an empty querystring → uri `"/a"`, querystring `"b=1"`. */
function splitQueryFix(uriNode: Node, text: string, querystring: Node | undefined): Fix | undefined {
  if (stringValue(querystring) !== '' || !querystring) return undefined;
  const at = text.indexOf('?');
  return {
    title: 'Move the query string to "querystring"',
    edits: [
      { offset: uriNode.offset, length: uriNode.length, newText: JSON.stringify(text.slice(0, at)) },
      { offset: querystring.offset, length: querystring.length, newText: JSON.stringify(text.slice(at + 1)) },
    ],
    preferred: true,
  };
}
