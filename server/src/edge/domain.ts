import type { LanguageDomain } from '../language/domain';
import { edgeChecks } from './checks';
import { detectEdgeEvent, edgeEventKind } from './detect';
import { edgeHover } from './hover';

/** Lambda@Edge and CloudFront Functions event fixtures (checks and hover), and Lambda@Edge rules across a template's resources. */
export const edgeDomain: LanguageDomain = {
  kind: edgeEventKind,
  detect: detectEdgeEvent,
  checks: edgeChecks,
  hover: edgeHover,
};
