// viewer-request: /api/* goes to the API origin, everything else to the images bucket.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/api/')) {
    request.headers['x-origin'] = [{ key: 'X-Origin', value: 'api' }];
  }
  request.uri = request.uri.replace(/\/+/g, '/').toLowerCase();
  return request;
};
