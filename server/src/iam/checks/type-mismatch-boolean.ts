import { isBoolean, valueTypeCheck } from '../value-types';

export const typeMismatchBoolean = valueTypeCheck('TYPE_MISMATCH_BOOLEAN', 'general-warning-type-mismatch-boolean', ['Bool', 'Null'], 'a boolean ("true" or "false")', isBoolean);
