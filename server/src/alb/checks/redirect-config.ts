import { defineCheck, type Report } from '../../language/check';
import type { TextRange } from '../../language/finding';
import { albDocs } from '../docs';
import { valueSpan } from '../../document/string-span';
import type { Located } from '../model/types';
import { actionsOf } from './walk';
import { either } from './wording';

const placeholders = ['#{protocol}', '#{host}', '#{port}', '#{path}', '#{query}'];
/** The placeholders each component may hold (AWS: the path may hold #{host}, #{path} and #{port}). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  Host: ['#{host}'],
  Path: ['#{host}', '#{path}', '#{port}'],
  Query: placeholders,
};

/**
 * RedirectConfig as AWS takes it: HTTP_301 or HTTP_302; Protocol HTTP, HTTPS
 * or #{protocol} (never HTTPS to HTTP); Port 1 to 65535 or #{port}; Host and
 * Path up to 128 characters with only their placeholders; Path starting with
 * "/"; Query without the leading "?".
 */
export const redirectConfig = defineCheck({
  id: 'alb.redirect-config',
  scope: 'alb-config',
  severity: 'error',
  title: 'A redirect has a status, protocol, port, host, path or query AWS does not accept.',
  docs: albDocs.redirectConfig,
  *run(context): Iterable<Report> {
    const text = context.document.text;
    for (const { listener, action } of actionsOf(context)) {
      const config = action.redirect;
      if (action.kind !== 'redirect' || !config) continue;
      const status = config.statusCode;
      if (!status) yield { range: config.key, message: 'RedirectConfig needs a StatusCode: "HTTP_301" (permanent) or "HTTP_302" (temporary).' };
      else if (status.value !== undefined && status.value !== 'HTTP_301' && status.value !== 'HTTP_302') {
        const meant = status.value === '301' || status.value === '302' ? `HTTP_${status.value}` : undefined;
        yield {
          range: status.range,
          message: `StatusCode must be "HTTP_301" or "HTTP_302" (got "${status.value}").`,
          ...(meant ? { fixes: [{ title: `Change to "${meant}"`, edits: [{ ...status.range, newText: JSON.stringify(meant) }], preferred: true }] } : {}),
        };
      }
      const protocol = config.protocol;
      if (protocol?.value !== undefined) {
        const upper = protocol.value.toUpperCase();
        if (!['HTTP', 'HTTPS', '#{protocol}'].includes(protocol.value)) {
          yield {
            range: protocol.range,
            message: `Protocol must be "HTTP", "HTTPS" or "#{protocol}" (got "${protocol.value}").`,
            ...(upper === 'HTTP' || upper === 'HTTPS' ? { fixes: [{ title: `Change to "${upper}"`, edits: [{ ...protocol.range, newText: JSON.stringify(upper) }], preferred: true }] } : {}),
          };
        } else if (protocol.value === 'HTTP' && listener.protocol?.value === 'HTTPS') {
          yield { range: protocol.range, message: `${listener.label} is HTTPS, and AWS refuses a redirect to plain HTTP: "You cannot redirect HTTPS to HTTP".` };
        }
      }
      const port = config.port;
      if (port?.value !== undefined && port.value !== '#{port}' && !(/^\d{1,5}$/.test(port.value) && Number(port.value) >= 1 && Number(port.value) <= 65_535)) {
        yield { range: port.range, message: `Port must be from 1 to 65535, or "#{port}" (got "${port.value}").` };
      }
      yield* component(text, 'Host', config.host, 1);
      const path = config.path;
      if (path?.value !== undefined && !path.value.startsWith('/')) {
        yield {
          range: path.range,
          message: `AWS refuses this path: "The Path parameter must be a valid path, should start with a '/' and may contain up to one of each of these placeholders: '#{path}', '#{host}', '#{port}'."`,
          fixes: [{ title: `Change to "/${path.value}"`, edits: [{ ...path.range, newText: JSON.stringify(`/${path.value}`) }], preferred: true }],
        };
      } else {
        yield* component(text, 'Path', path, 1);
      }
      const query = config.query;
      if (query?.value?.startsWith('?')) {
        yield { range: valueSpan(text, query.range, 0, 1), message: 'Leave out the leading "?" of Query: ALB adds it.' };
      }
      yield* component(text, 'Query', query, 0);
    }
  },
});

/** Length and placeholders of Host, Path or Query. */
function* component(text: string, name: string, item: Located<string> | undefined, minLength: number): Iterable<Report> {
  const value = item?.value;
  if (!item || value === undefined) return;
  if (value.length < minLength || value.length > 128) {
    yield { range: item.range, message: `${name} must have ${minLength} to 128 characters (it has ${value.length}).` };
  }
  const seen = new Set<string>();
  for (const match of value.matchAll(/#\{[^}]*\}?/g)) {
    const at: TextRange = valueSpan(text, item.range, match.index, match[0].length);
    const placeholder = match[0];
    const permitted = allowed[name] ?? [];
    if (!placeholders.includes(placeholder)) {
      yield { range: at, message: `"${placeholder}" is not a placeholder; ALB knows ${either(placeholders)}.` };
    } else if (!permitted.includes(placeholder)) {
      yield { range: at, message: `${name} can hold only ${either([...permitted])}, not ${placeholder}.` };
    } else if (seen.has(placeholder) && name === 'Path') {
      yield { range: at, message: `Path may hold each placeholder once; ${placeholder} appears again.` };
    }
    seen.add(placeholder);
  }
}
