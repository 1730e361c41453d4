// viewer-request: serve /docs/ and /docs as /docs/index.html, as static site hosts do.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  else if (!request.uri.split('/').pop().includes('.')) request.uri += '/index.html';
  return request;
};
