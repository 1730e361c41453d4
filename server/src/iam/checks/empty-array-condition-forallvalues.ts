import { emptyConditionArrayCheck } from '../empty-value';

export const emptyArrayConditionForAllValues = emptyConditionArrayCheck('ForAllValues');
