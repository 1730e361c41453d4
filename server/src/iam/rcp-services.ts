/**
 * Service prefixes whose actions resource control policies apply to, from
 * AWS Organizations' "List of AWS services that support RCPs" (read 2026).
 * AWS only adds to it: a prefix missing here is reported as a warning, not
 * an error, in case the list has grown since.
 */
export const rcpServices: ReadonlySet<string> = new Set([
  'aoss', 'appconfig', 'appstream', 'autoscaling', 'autoscaling-plans', 'budgets', 'clouddirectory', 'cloudfront', 'cloudsearch',
  'cloudtrail-data', 'codeartifact', 'codebuild', 'codecommit', 'codepipeline', 'cognito-identity', 'cognito-idp', 'comprehend',
  'comprehendmedical', 'compute-optimizer', 'cost-optimization-hub', 'dax', 'dsql', 'dynamodb', 'ecr', 'ecr-public', 'events',
  'firehose', 'fis', 'fms', 'gamelift', 'health', 'inspector-scan', 'kendra', 'kinesisvideo', 'kms', 'logs', 'memorydb',
  'networkmonitor', 'notifications', 'opensearch', 'pca-connector-ad', 'personalize', 'polly', 'pricing', 'resource-groups',
  'rolesanywhere', 's3', 'secretsmanager', 'servicediscovery', 'signin', 'sqs', 'sts', 'support', 'swf', 'textract',
  'timestream-influxdb', 'transcribe', 'transfer', 'translate', 'wafv2', 'workspaces', 'xray',
]);
