import { emptyElementCheck } from '../empty-value';

export const emptyArrayAction = emptyElementCheck('EMPTY_ARRAY_ACTION', 'suggestion-empty-array-action', 'Action', 'array');
