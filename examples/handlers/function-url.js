// A function behind a function URL (lambda-workbench serve function-url.handler --function-url):
// each path shows one way of answering, and /event shows the event function URLs send.
exports.handler = async (event, context) => {
  switch (event.rawPath) {
    case '/event':
      return { event, awsRequestId: context.awsRequestId };
    case '/created':
      return { statusCode: 201, headers: { 'content-type': 'text/plain', 'x-custom': 'yes' }, cookies: ['a=1; Path=/', 'b=2'], body: 'created' };
    case '/pixel':
      return { statusCode: 200, headers: { 'content-type': 'image/gif' }, isBase64Encoded: true, body: 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' };
    case '/text':
      return 'Hello, world!';
    case '/bad-status':
      return { statusCode: 'two hundred' };
    case '/bad-header':
      return { statusCode: 200, headers: { 'x-broken': 'line\nbreak' }, body: 'never sent' };
    case '/throw':
      throw new Error('the handler failed');
    default:
      return { message: `no route for ${event.rawPath}` };
  }
};
