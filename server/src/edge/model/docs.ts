/** The CloudFront developer guide pages the edge checks and rules cite. */
const guide = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide';

export const edgeDocs = {
  eventStructure: `${guide}/lambda-event-structure.html`,
  requestFields: `${guide}/lambda-event-structure.html#request-event-fields-request`,
  configFields: `${guide}/lambda-event-structure.html#request-event-fields-config`,
  responseFields: `${guide}/lambda-event-structure.html#response-event-fields-response`,
  disallowedHeaders: `${guide}/edge-function-restrictions-all.html#function-restrictions-disallowed-headers`,
  readOnlyHeaders: `${guide}/edge-function-restrictions-all.html#function-restrictions-read-only-headers`,
  queryStrings: `${guide}/edge-function-restrictions-all.html#function-restrictions-query-strings`,
  uri: `${guide}/edge-function-restrictions-all.html#function-restrictions-uri`,
  cloudFrontHeaders: `${guide}/lambda-at-edge-function-restrictions.html#lambda-at-edge-restrictions-cloudfront-headers`,
  requestBody: `${guide}/lambda-at-edge-function-restrictions.html#lambda-at-edge-restrictions-request-body`,
  viewerResponseStatus: `${guide}/lambda-at-edge-function-restrictions.html#lambda-at-edge-restrictions-status-codes`,
  lambdaFeatures: `${guide}/lambda-at-edge-function-restrictions.html#lambda-at-edge-restrictions-features`,
  generatedResponses: `${guide}/lambda-generating-http-responses.html#lambda-generating-http-responses-in-requests`,
  updatingResponses: `${guide}/lambda-generating-http-responses.html#lambda-updating-http-responses`,
  quotas: `${guide}/cloudfront-limits.html#limits-lambda-at-edge`,
  validationErrors: `${guide}/lambda-edge-testing-debugging.html#lambda-edge-testing-debugging-troubleshooting-invalid-responses`,
  executionErrors: `${guide}/http-503-service-unavailable.html#http-503-lambda-execution-error`,
  limitExceeded: `${guide}/http-503-service-unavailable.html#http-503-lambda-limit-exceeded-error`,
  functionsEvent: `${guide}/functions-event-structure.html`,
  restrictions: `${guide}/lambda-at-edge-function-restrictions.html`,
  runtimes: `${guide}/lambda-at-edge-function-restrictions.html#lambda-at-edge-restrictions-runtime-support`,
  versions: `${guide}/lambda-edge-add-triggers.html`,
  executionRole: `${guide}/lambda-edge-permissions.html#lambda-edge-permissions-function-execution`,
  includeBody: `${guide}/lambda-generating-http-responses.html#lambda-include-body-access`,
} as const;
