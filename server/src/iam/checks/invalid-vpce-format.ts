import { vpcIdFormatCheck } from '../vpc-ids';

export const invalidVpceFormat = vpcIdFormatCheck('INVALID_VPCE_FORMAT', 'error-invalid-vpce-format', 'aws:SourceVpce', 'vpce');
