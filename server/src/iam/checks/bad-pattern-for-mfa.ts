import type { Report } from '../../language/check';
import { conditionsOf, valueText } from '../conditions';
import { effectOf } from '../values';
import { guideDocs, iamCheck } from '../define';

/**
 * aws:MultiFactorAuthPresent is absent from requests signed with long-term
 * access keys and present (true or false) with temporary credentials, so two
 * natural spellings do not mean "MFA" (parliament's BAD_PATTERN_FOR_MFA).
 */
export const badPatternForMfa = iamCheck({
  id: 'iam.bad-pattern-for-mfa',
  severity: 'warning',
  title: 'A condition on aws:MultiFactorAuthPresent does not test what it seems to.',
  docs: guideDocs('reference_policies_condition-keys.html#condition-keys-multifactorauthpresent'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    conditionsOf(policy).forEach((entry) => {
      if (entry.lowerName !== 'aws:multifactorauthpresent' || !entry.parsed || entry.parsed.qualifier) return;
      const falseValue = entry.values.find((v) => valueText(v)?.toLowerCase() === 'false');
      if (!falseValue) return;
      const range = policy.range(falseValue);
      if (entry.parsed.base === 'Null') {
        out.push({ range, message: '"Null": false on aws:MultiFactorAuthPresent only says the request used temporary credentials, with MFA or without. To require MFA, use "Bool": {"aws:MultiFactorAuthPresent": "true"}.' });
      } else if (entry.parsed.base === 'Bool' && !entry.parsed.ifExists) {
        out.push(effectOf(entry.statement) === 'Deny'
          ? { range, message: 'Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, so "Bool" false does not deny them. Use "BoolIfExists".' }
          : { range, message: '"Bool" false on aws:MultiFactorAuthPresent allows only temporary credentials obtained without MFA; it never requires MFA. To require MFA, use "Bool": {"aws:MultiFactorAuthPresent": "true"}.' });
      }
    });
    return out;
  },
});
