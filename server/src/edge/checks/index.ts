import type { RegionCheck } from '../../language/check';
import { eventType } from './event-type';
import { missingField } from './missing-field';

/** The edge domain's check table: one row per check, each in the file named by its id. */
export const edgeChecks: readonly RegionCheck[] = [eventType, missingField];
