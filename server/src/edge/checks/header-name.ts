import { defineCheck, type Report } from '../../language/check';
import { properties } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf, replaceFix } from '../event/edits';
import { regionHeaderMaps } from '../event/records';

/** RFC 9110 token characters: what a header field name may hold. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Header map keys are header names in lower case: CloudFront sends them so,
 * handlers look them up so (`headers['user-agent']`), and a name with other
 * characters is no HTTP header at all.
 */
export const headerName = defineCheck({
  id: 'edge.header-name',
  scope: 'edge-event',
  severity: 'error',
  title: 'A header map key is not a lower-case header name.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const map of regionHeaderMaps(region)) {
      const names = new Set(properties(map.node).map((p) => p.name));
      for (const { key, name } of properties(map.node)) {
        if (!token.test(name)) {
          yield { range: rangeOf(key), message: `"${name}" is not a header name: names are non-empty and hold no spaces, colons or other separators.` };
          continue;
        }
        const lower = name.toLowerCase();
        if (lower === name) continue;
        const clash = names.has(lower);
        yield {
          range: rangeOf(key),
          message: clash
            ? `Header map keys are lower case, and "${lower}" is already in this map: merge the two entries.`
            : `Header map keys are lower case: CloudFront sends "${lower}", and a handler reading headers["${lower}"] would not find "${name}".`,
          ...(clash ? {} : { fixes: [replaceFix(`Lower-case to "${lower}"`, key, JSON.stringify(lower))] }),
        };
      }
    }
  },
});
