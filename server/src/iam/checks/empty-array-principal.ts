import { emptyElementCheck } from '../empty-value';

export const emptyArrayPrincipal = emptyElementCheck('EMPTY_ARRAY_PRINCIPAL', 'suggestion-empty-array-principal', 'Principal', 'array');
