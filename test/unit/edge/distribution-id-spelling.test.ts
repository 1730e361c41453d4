import { checkTable } from '../check-table';
import { changed, docsExample } from './events';

checkTable('edge.distribution-id-spelling', {
  valid: [{ name: 'the docs\' example (distributionId)', text: docsExample('viewer-request') }],
  invalid: [
    {
      name: 'distributionID',
      text: changed('viewer-request', (cf) => {
        cf['config'].distributionID = cf['config'].distributionId;
        delete cf['config'].distributionId;
      }),
      findings: [{ at: '"distributionID"', message: /^CloudFront sends "distributionId"; "distributionID" is how the docs' field list spells it/, fixes: ['Rename to "distributionId"'] }],
    },
  ],
});
