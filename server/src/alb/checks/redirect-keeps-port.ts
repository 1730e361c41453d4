import { insertFirstPropertyEdit } from '../../document/edits';
import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { albDocs } from '../docs';
import { actionsOf } from './walk';

/**
 * A redirect keeps every component it does not set. From an HTTP listener,
 * `"Protocol": "HTTPS"` without a Port sends the client to https on port 80,
 * where nothing speaks TLS.
 */
export const redirectKeepsPort = defineCheck({
  id: 'alb.redirect-keeps-port',
  scope: 'alb-config',
  severity: 'warning',
  title: 'A redirect from HTTP to HTTPS keeps the HTTP port.',
  docs: albDocs.redirectConfig,
  *run(context): Iterable<Report> {
    for (const { listener, action } of actionsOf(context)) {
      const config = action.redirect;
      if (action.kind !== 'redirect' || !config || config.protocol?.value !== 'HTTPS' || listener.protocol?.value !== 'HTTP') continue;
      const port = config.port;
      if (port && port.value !== '#{port}') continue;
      const fix: Fix = port
        ? { title: 'Set Port to 443', edits: [{ ...port.range, newText: '"443"' }], preferred: true }
        : { title: 'Add "Port": "443"', edits: [insertFirstPropertyEdit(context.document, config.range, 'Port', '"443"')], preferred: true };
      const where = listener.port?.value === undefined ? 'the listener\'s port' : `port ${listener.port.value}`;
      yield {
        range: config.protocol.range,
        message: `This redirect switches to HTTPS but keeps ${where}, since components it does not set keep their values; set "Port": "443".`,
        fixes: [fix],
      };
    }
  },
});
