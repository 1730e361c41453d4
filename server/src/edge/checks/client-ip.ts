import { isIP } from 'node:net';
import { defineCheck, type Report } from '../../language/check';
import { propertyValue, stringValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { rangeOf } from '../event/edits';
import { edgeRecords } from '../event/records';

/** `request.clientIp` is an IPv4 or IPv6 address, without port or brackets. */
export const clientIp = defineCheck({
  id: 'edge.client-ip',
  scope: 'edge-event',
  severity: 'error',
  title: 'The clientIp is not an IPv4 or IPv6 address.',
  docs: edgeDocs.requestFields,
  *run({ region }): Iterable<Report> {
    for (const record of edgeRecords(region)) {
      const node = propertyValue(record.request, 'clientIp');
      const text = stringValue(node);
      if (!node || text === undefined || isIP(text) !== 0) continue;
      const hint = /^\[?[0-9a-fA-F:.]+\]?:\d+$/.test(text) ? ' (without the port)' : '';
      yield { range: rangeOf(node), message: `"${text}" is not an IP address; CloudFront sends the viewer's IPv4 or IPv6 address${hint}.` };
    }
  },
});
