// Response streaming (function URLs, InvokeWithResponseStream): `awslambda` is a
// global of Lambda's Node.js runtime, and of ours.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Chunks written over time, as text.
exports.chunks = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain');
  responseStream.write('one\n');
  await sleep(20);
  responseStream.write('two\n');
  responseStream.end('three\n');
});

// A function URL response: status and headers go in a prelude before the body.
exports.http = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { 'x-streamed': 'yes' }, cookies: ['a=1'] });
  stream.write('<p>created</p>');
  stream.end();
});

// A pause between two chunks: the endpoint sends the first before the second exists.
exports.slowChunks = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain');
  responseStream.write('first\n');
  await sleep(300);
  responseStream.end('last\n');
});

// Values other than text and bytes are written as JSON.
exports.json = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write({ streamed: true, name: event.name ?? null });
  responseStream.end();
});

// An error after part of the response went out: it ends the stream, in its trailers.
exports.failsMidway = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write('partial');
  await sleep(5);
  throw new TypeError('broke in mid-stream');
});

// Streaming handlers must be async: this one is refused as soon as it returns. Its stream is
// ended a second later, long after the refusal (sooner, and AWS's own client on a busy machine
// may report that late write instead, so its answer would depend on timing).
exports.notAsync = awslambda.streamifyResponse((event, responseStream) => {
  setTimeout(() => responseStream.end('too late'), 1000);
});

// Forgetting responseStream.end(): on Lambda, the invoke runs into its timeout.
exports.forgetsEnd = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write('never ends');
});

// Setting the content type after the first write is refused.
exports.lateContentType = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write('first');
  responseStream.setContentType('text/plain');
  responseStream.end();
});

// A content type no HTTP header can carry: refused as Node refuses such a header.
exports.badContentType = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain\r\nx-injected: yes');
  responseStream.end('body');
});
