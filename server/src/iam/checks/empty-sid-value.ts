import type { Report } from '../../language/check';
import { analyzerDocs, iamCheck } from '../define';
import { removeProperty } from '../edits';

export const emptySidValue = iamCheck({
  id: 'EMPTY_SID_VALUE',
  severity: 'info',
  title: 'A statement has an empty Sid.',
  docs: analyzerDocs('suggestion-empty-sid-value'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    policy.statements.forEach((statement) => {
      const sid = statement.elements.Sid;
      if (sid?.value.type !== 'string' || sid.value.value !== '') return;
      out.push({ range: policy.range(sid.value), message: 'The Sid is empty: give the statement a name or remove the Sid.', fixes: [removeProperty(policy, sid.key, 'Remove the empty Sid')] });
    });
    return out;
  },
});
