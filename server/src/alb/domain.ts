import type { LanguageDomain } from '../language/domain';
import { albChecks } from './checks';
import { albComplete } from './complete';
import { albKind, detectAlbConfig } from './detect';
import { albHover } from './hover';

/** The ALB domain's row in the language service: rule checks, hovers and completions for `alb-config` regions. */
export const albDomain: LanguageDomain = {
  kind: albKind,
  detect: detectAlbConfig,
  checks: albChecks,
  hover: albHover,
  complete: albComplete,
};
