import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import type { ListenerModel, RedirectConfigModel } from '../model/types';
import { actionsOf } from './walk';

/**
 * A redirect must change the protocol, host, port or path, or it sends the
 * client back to itself; AWS refuses it. A literal protocol or port counts
 * as unchanged when it is the listener's own (known from the document).
 */
export const redirectLoop = defineCheck({
  id: 'alb.redirect-loop',
  scope: 'alb-config',
  severity: 'error',
  title: 'A redirect changes neither protocol, host, port nor path, so it redirects to itself.',
  docs: albDocs.redirectConfig,
  *run(context): Iterable<Report> {
    for (const { listener, action } of actionsOf(context)) {
      if (action.kind === 'redirect' && action.redirect && redirectsToItself(action.redirect, listener)) {
        yield {
          range: action.redirect.key,
          message: 'This redirect keeps the protocol, host, port and path, so it sends the client to the same URL; AWS refuses it: "The redirect configuration is not valid because it creates a loop."',
        };
      }
    }
  },
});

export function redirectsToItself(config: RedirectConfigModel, listener: ListenerModel): boolean {
  const { protocol, host, port, path } = config;
  const unchanged = (item: typeof protocol, placeholder: string, own?: string) =>
    !item || item.value === placeholder || (own !== undefined && item.value?.toUpperCase() === own.toUpperCase());
  return (
    unchanged(protocol, '#{protocol}', listener.protocol?.value) &&
    unchanged(host, '#{host}') &&
    unchanged(port, '#{port}', listener.port?.value === undefined ? undefined : String(listener.port.value)) &&
    unchanged(path, '/#{path}')
  );
}
