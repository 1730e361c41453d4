import { isDate, valueTypeCheck } from '../value-types';

export const typeMismatchDate = valueTypeCheck('TYPE_MISMATCH_DATE', 'general-warning-type-mismatch-date', ['Date'], 'a date (ISO 8601 or epoch seconds)', isDate);
