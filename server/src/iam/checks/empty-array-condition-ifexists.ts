import { emptyConditionArrayCheck } from '../empty-value';

export const emptyArrayConditionIfExists = emptyConditionArrayCheck('IfExists');
