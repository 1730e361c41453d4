import { emptyElementCheck } from '../empty-value';

export const emptyObjectPrincipal = emptyElementCheck('EMPTY_OBJECT_PRINCIPAL', 'suggestion-empty-object-principal', 'Principal', 'object');
