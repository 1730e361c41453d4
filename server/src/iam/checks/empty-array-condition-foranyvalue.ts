import { emptyConditionArrayCheck } from '../empty-value';

export const emptyArrayConditionForAnyValue = emptyConditionArrayCheck('ForAnyValue');
