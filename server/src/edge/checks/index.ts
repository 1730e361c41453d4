import type { RegionCheck } from '../../language/check';
import { body } from './body';
import { clientIp } from './client-ip';
import { disallowedHeader } from './disallowed-header';
import { headerKeyMismatch } from './header-key-mismatch';
import { headerName } from './header-name';
import { headerNotForTrigger } from './header-not-for-trigger';
import { headerShape } from './header-shape';
import { headerValue } from './header-value';
import { distributionIdSpelling } from './distribution-id-spelling';
import { eventFamily } from './event-family';
import { eventType } from './event-type';
import { fieldType } from './field-type';
import { method } from './method';
import { missingField } from './missing-field';
import { originField } from './origin-field';
import { originKind } from './origin-kind';
import { querystring } from './querystring';
import { status } from './status';
import { unexpectedField } from './unexpected-field';
import { uri } from './uri';
import { duplicateEventType } from './duplicate-event-type';
import { executionRoleTrust } from './execution-role-trust';
import { functionFeature } from './function-feature';
import { functionLimits } from './function-limits';
import { functionRuntime } from './function-runtime';
import { functionVersion } from './function-version';
import { includeBody } from './include-body';

/** The edge domain's check table: one row per check, each in the file named by its id. */
export const edgeChecks: readonly RegionCheck[] = [
  eventType,
  missingField,
  unexpectedField,
  fieldType,
  distributionIdSpelling,
  eventFamily,
  headerName,
  headerShape,
  headerKeyMismatch,
  headerValue,
  disallowedHeader,
  headerNotForTrigger,
  clientIp,
  uri,
  querystring,
  method,
  status,
  body,
  originKind,
  originField,
  // Across a template's resources: the functions its CloudFront distributions run.
  functionVersion,
  functionFeature,
  functionLimits,
  functionRuntime,
  executionRoleTrust,
  includeBody,
  duplicateEventType,
];
