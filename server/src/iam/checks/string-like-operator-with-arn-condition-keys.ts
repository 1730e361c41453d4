import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { analyzerDocs, iamCheck } from '../define';

/**
 * StringLike reads an ARN as text, so its wildcards run across the colons
 * between fields ("arn:aws:iam::*" matches any account); ArnLike matches field
 * by field. StringEquals, an exact match, is left alone (AWS's own examples use it).
 */
export const stringLikeOperatorWithArnConditionKeys = iamCheck({
  id: 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS',
  severity: 'warning',
  title: 'StringLike (or StringNotLike) compares an ARN condition key.',
  docs: analyzerDocs('security-warning-string-like-operator-with-arn-condition-keys'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      const base = entry.parsed?.base;
      if ((base !== 'StringLike' && base !== 'StringNotLike') || !/^(ArrayOf)?ARN$/.test(entry.info?.type ?? '')) return;
      const arnOperator = base === 'StringLike' ? 'ArnLike' : 'ArnNotLike';
      out.push({ range: policy.range(entry.operatorKey), message: `${entry.info?.key ?? entry.name} is an ARN: use ${arnOperator}, which matches it field by field; ${base} lets a wildcard run across fields.` });
    });
    return out;
  },
});
