import type { LanguageDomain } from '../language/domain';
import { edgeChecks } from './checks';
import { edgeHover } from './hover';

/** Lambda@Edge and CloudFront Functions event fixtures: checks and hover. */
export const edgeDomain: LanguageDomain = {
  kind: 'edge-event',
  checks: edgeChecks,
  hover: edgeHover,
};
