import { emptyConditionArrayCheck } from '../empty-value';

export const emptyArrayCondition = emptyConditionArrayCheck('plain');
