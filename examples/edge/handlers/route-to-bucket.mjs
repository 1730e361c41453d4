// viewer-request: send /assets/* to an S3 bucket by rewriting Host.
// The mistake this example shows: Host is read-only in viewer-request events,
// so CloudFront rejects this result with a 502. Do this in origin-request,
// where Host and the origin may both change.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/assets/')) {
    request.headers.host = [{ key: 'Host', value: 'amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com' }];
  }
  return request;
};
