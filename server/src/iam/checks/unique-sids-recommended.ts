import { analyzerDocs, iamCheck } from '../define';
import { repeatedSids } from './unique-sids-required';

/** Identity-based policies accept repeated Sids, but the Sid then identifies nothing. */
export const uniqueSidsRecommended = iamCheck({
  id: 'UNIQUE_SIDS_RECOMMENDED',
  severity: 'warning',
  title: 'Two statements of an identity-based policy share a Sid.',
  docs: analyzerDocs('general-warning-unique-sids-recommended'),
  run: (policy) => (policy.type.type === 'identity' || policy.type.type === 'boundary' ? repeatedSids(policy) : []),
});
