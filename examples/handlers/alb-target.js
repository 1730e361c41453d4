// A Lambda function behind an Application Load Balancer (examples/alb/lambda-targets.json
// routes /api/* and /v2/* to it; lambda-workbench.json maps the target groups here).
// Each path shows one thing: the event ALB sends, a binary answer, cookies with and
// without multi-value headers, and the results ALB refuses with a 502.

const pixel = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'; // a 1x1 GIF

exports.handler = async (event) => {
  const multi = event.multiValueHeaders !== undefined;
  const route = event.path.replace(/^\/(api|v2)/, '');
  switch (route) {
    case '/echo':
      return json(200, {
        method: event.httpMethod,
        path: event.path,
        query: multi ? event.multiValueQueryStringParameters : event.queryStringParameters,
        host: multi ? event.multiValueHeaders.host : event.headers.host,
        forwardedFor: multi ? event.multiValueHeaders['x-forwarded-for'] : event.headers['x-forwarded-for'],
        body: event.body,
        isBase64Encoded: event.isBase64Encoded,
        targetGroupArn: event.requestContext.elb.targetGroupArn,
      }, multi);
    case '/pixel':
      return { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: true, headers: { 'Content-Type': 'image/gif' }, body: pixel };
    case '/cookies':
      return multi
        ? { statusCode: 200, multiValueHeaders: { 'Set-Cookie': ['theme=dark', 'lang=en'], 'Content-Type': ['text/plain'] }, body: 'two cookies' }
        : { statusCode: 200, headers: { 'Set-Cookie': 'theme=dark', 'Content-Type': 'text/plain' }, body: 'one cookie' };
    case '/string-status':
      return { statusCode: '200', body: 'the status code is a string' };
    case '/no-status':
      return { body: 'no status code' };
    case '/number-header':
      return { statusCode: 200, headers: { 'X-Count': 3 }, body: 'a header value that is a number' };
    case '/throw':
      throw new Error('the handler failed');
    case '/slow':
      await new Promise((resolve) => setTimeout(resolve, 5000));
      return json(200, { late: true }, multi);
    default:
      return json(404, { message: `no route for ${event.path}` }, multi);
  }
};

function json(statusCode, value, multi) {
  const body = JSON.stringify(value);
  return multi
    ? { statusCode, isBase64Encoded: false, multiValueHeaders: { 'Content-Type': ['application/json'] }, body }
    : { statusCode, isBase64Encoded: false, headers: { 'Content-Type': 'application/json' }, body };
}
