// origin-response: marks images for resizing; a real resizer would transform the body here.
export const handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  const width = /[?&]w=(\d+)/.exec(request.querystring)?.[1];
  if (response.status === '200' && width) {
    response.headers['x-resized-width'] = [{ key: 'X-Resized-Width', value: width }];
  }
  return response;
};
