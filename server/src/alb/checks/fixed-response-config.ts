import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { actionsOf } from './walk';
import { either } from './wording';

const contentTypes = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];
const maxBodyBytes = 1024;

/** FixedResponseConfig: a 2XX, 4XX or 5XX status, one of five content types, a body of at most 1,024 bytes. */
export const fixedResponseConfig = defineCheck({
  id: 'alb.fixed-response-config',
  scope: 'alb-config',
  severity: 'error',
  title: 'A fixed response has a status, content type or body AWS does not accept.',
  docs: albDocs.fixedResponseConfig,
  *run(context): Iterable<Report> {
    for (const { action } of actionsOf(context)) {
      const config = action.fixedResponse;
      if (action.kind !== 'fixed-response' || !config) continue;
      const status = config.statusCode;
      if (!status) yield { range: config.key, message: 'FixedResponseConfig needs a StatusCode (2XX, 4XX or 5XX).' };
      else if (status.value !== undefined && !/^[245]\d\d$/.test(status.value)) {
        yield { range: status.range, message: `StatusCode must be a 2XX, 4XX or 5XX code (got "${status.value}").` };
      }
      const type = config.contentType;
      if (type?.value !== undefined && !contentTypes.includes(type.value)) {
        const lower = type.value.toLowerCase().split(';')[0]?.trim() ?? '';
        yield {
          range: type.range,
          message: `ContentType must be ${either(contentTypes.map((t) => `"${t}"`))} (got "${type.value}").`,
          ...(contentTypes.includes(lower) ? { fixes: [{ title: `Change to "${lower}"`, edits: [{ ...type.range, newText: JSON.stringify(lower) }], preferred: true }] } : {}),
        };
      }
      const body = config.messageBody?.value;
      if (config.messageBody && body !== undefined) {
        const bytes = new TextEncoder().encode(body).length;
        if (bytes > maxBodyBytes) yield { range: config.messageBody.range, message: `MessageBody is ${bytes.toLocaleString('en')} bytes; AWS allows ${maxBodyBytes.toLocaleString('en')}.` };
      }
    }
  },
});
