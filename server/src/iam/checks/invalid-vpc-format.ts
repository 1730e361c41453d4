import { vpcIdFormatCheck } from '../vpc-ids';

export const invalidVpcFormat = vpcIdFormatCheck('INVALID_VPC_FORMAT', 'error-invalid-vpc-format', 'aws:SourceVpc', 'vpc');
