import type { RegionCheck } from '../../language/check';
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
import { missingField } from './missing-field';
import { unexpectedField } from './unexpected-field';

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
];
