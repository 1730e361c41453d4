import type { LanguageDomain } from '../language/domain';
import { albChecks } from './checks';

/** The ALB domain's row in the language service: rule checks and hovers for `alb-config` regions. */
export const albDomain: LanguageDomain = {
  kind: 'alb-config',
  checks: albChecks,
};
