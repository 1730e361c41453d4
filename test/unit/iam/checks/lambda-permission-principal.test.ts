import { checkTable } from '../../check-table';

const permission = (principal: string) => `Resources:\n  Allow:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref Fn\n      Principal: ${principal}\n`;

checkTable('iam.lambda-permission-principal', {
  valid: [
    { name: 'a service principal', fileName: 'template.yaml', text: permission('s3.amazonaws.com') },
    { name: 'an account id', fileName: 'template.yaml', text: permission("'123456789012'") },
    { name: 'an IAM ARN', fileName: 'template.yaml', text: permission('arn:aws:iam::123456789012:role/caller') },
    { name: 'anyone (a function URL with auth NONE)', fileName: 'template.yaml', text: permission("'*'") },
    { name: 'an intrinsic is not judged', fileName: 'template.yaml', text: permission('!Ref CallerAccount') },
  ],
  invalid: [
    { name: 'a bare service name', fileName: 'template.yaml', text: permission('s3'), findings: [{ at: 's3', message: '"s3" is not a principal Lambda takes: a service principal (e.g. "s3.amazonaws.com"), an account id, an IAM ARN or "*".', fixes: ['Change to "s3.amazonaws.com"'] }] },
    { name: 'a truncated domain', fileName: 'template.yaml', text: permission('apigateway.amazonaws'), findings: [{ at: 'apigateway.amazonaws', fixes: [] }] },
  ],
});
