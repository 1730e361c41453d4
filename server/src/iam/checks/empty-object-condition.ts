import { emptyElementCheck } from '../empty-value';

export const emptyObjectCondition = emptyElementCheck('EMPTY_OBJECT_CONDITION', 'suggestion-empty-object-condition', 'Condition', 'object');
