import { isNumber, valueTypeCheck } from '../value-types';

export const typeMismatchNumber = valueTypeCheck('TYPE_MISMATCH_NUMBER', 'general-warning-type-mismatch-number', ['Numeric'], 'a number', isNumber);
