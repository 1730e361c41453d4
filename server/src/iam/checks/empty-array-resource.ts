import { emptyElementCheck } from '../empty-value';

export const emptyArrayResource = emptyElementCheck('EMPTY_ARRAY_RESOURCE', 'suggestion-empty-array-resource', 'Resource', 'array');
