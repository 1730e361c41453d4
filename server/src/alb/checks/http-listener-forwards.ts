import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { capital } from './wording';
import { rulesOf } from './walk';

const redirectToHttps = { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };

/**
 * A plain-HTTP listener whose default action forwards serves the site
 * unencrypted; the usual setup redirects it to HTTPS (Security Hub ELB.1).
 */
export const httpListenerForwards = defineCheck({
  id: 'alb.http-listener-forwards',
  scope: 'alb-config',
  severity: 'info',
  title: 'An HTTP listener forwards requests instead of redirecting them to HTTPS.',
  docs: albDocs.httpToHttps,
  *run(context): Iterable<Report> {
    for (const { listener, rule } of rulesOf(context)) {
      const plain = listener.protocol?.value === 'HTTP' || (listener.protocol === undefined && listener.port?.value === 80);
      if (!rule.isDefault || !plain) continue;
      for (const action of rule.actions?.items ?? []) {
        if (action.kind !== 'forward') continue;
        yield {
          range: action.type?.range ?? action.range,
          message: `${capital(listener.label)} is plain HTTP${listener.port?.value === undefined ? '' : ` on port ${listener.port.value}`} and forwards by default; redirect to HTTPS so that traffic is encrypted.`,
          fixes: [{ title: 'Redirect to HTTPS (301)', edits: [{ ...action.range, newText: JSON.stringify(redirectToHttps) }] }],
        };
      }
    }
  },
});
