import { defineCheck, type Report } from '../../language/check';
import { albDocs } from '../docs';
import { actionsOf } from './walk';

const authenticateTypes: ReadonlySet<string> = new Set(['authenticate-oidc', 'authenticate-cognito', 'jwt-validation']);

/** Authentication and JWT validation actions work only on HTTPS listeners. */
export const authenticateHttps = defineCheck({
  id: 'alb.authenticate-https',
  scope: 'alb-config',
  severity: 'error',
  title: 'An authenticate or jwt-validation action is on a listener that is not HTTPS.',
  docs: albDocs.authenticate,
  *run(context): Iterable<Report> {
    for (const { listener, action } of actionsOf(context)) {
      const protocol = listener.protocol?.value;
      if (!action.kind || !authenticateTypes.has(action.kind) || protocol === undefined || protocol === 'HTTPS') continue;
      yield { range: action.type?.range ?? action.range, message: `${action.kind} actions work only on HTTPS listeners; ${listener.label} is ${protocol}.` };
    }
  },
});
