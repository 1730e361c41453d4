/**
 * Sample events for a first invoke when the user has no event file yet:
 * the shapes AWS documents for the common triggers, trimmed to the fields
 * handlers read. Times and ids are fixed so the samples are reproducible.
 */

import { functionUrlEvent } from './function-url';

/** One sample: a label for pickers and the event itself. */
export interface SampleEvent {
  readonly id: string;
  readonly label: string;
  readonly event: unknown;
}

const time = '2024-05-01T12:00:00Z';
const epochMs = 1714564800000;
const region = 'us-east-1';
const account = '123456789012';

export const sampleEvents: readonly SampleEvent[] = [
  { id: 'empty', label: 'Empty object', event: {} },
  {
    id: 'function-url',
    label: 'Lambda function URL request (payload 2.0)',
    // The event `serve --function-url` sends for this request.
    event: functionUrlEvent(
      { method: 'GET', target: '/hello?name=Ada', headers: [['Host', 'abcdefg.lambda-url.us-east-1.on.aws'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*'], ['Cookie', 'theme=dark']], body: Buffer.alloc(0), sourceIp: '203.0.113.7', protocol: 'HTTP/1.1' },
      { urlId: 'abcdefg', region },
      'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      new Date(epochMs),
    ),
  },
  {
    id: 'apigateway-http',
    label: 'API Gateway HTTP API (payload 2.0)',
    event: {
      version: '2.0',
      routeKey: 'GET /hello',
      rawPath: '/hello',
      rawQueryString: 'name=world',
      headers: { accept: 'application/json', host: 'abc123.execute-api.us-east-1.amazonaws.com', 'user-agent': 'curl/8.5.0' },
      queryStringParameters: { name: 'world' },
      requestContext: {
        accountId: account,
        apiId: 'abc123',
        domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
        http: { method: 'GET', path: '/hello', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        routeKey: 'GET /hello',
        stage: '$default',
        time: '01/May/2024:12:00:00 +0000',
        timeEpoch: epochMs,
      },
      isBase64Encoded: false,
    },
  },
  {
    id: 'apigateway-rest',
    label: 'API Gateway REST API (proxy integration)',
    event: {
      resource: '/hello',
      path: '/hello',
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json', Host: 'abc123.execute-api.us-east-1.amazonaws.com' },
      multiValueHeaders: { 'Content-Type': ['application/json'], Host: ['abc123.execute-api.us-east-1.amazonaws.com'] },
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      requestContext: { accountId: account, apiId: 'abc123', httpMethod: 'POST', path: '/prod/hello', stage: 'prod', requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', requestTimeEpoch: epochMs, identity: { sourceIp: '203.0.113.10' } },
      body: '{"name":"world"}',
      isBase64Encoded: false,
    },
  },
  {
    id: 'alb',
    label: 'Application Load Balancer request',
    event: {
      requestContext: { elb: { targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/lambda-target/abcdef0123456789` } },
      httpMethod: 'GET',
      path: '/hello',
      queryStringParameters: { name: 'world' },
      headers: { accept: 'application/json', host: 'my-alb-123456789.us-east-1.elb.amazonaws.com', 'x-forwarded-for': '203.0.113.10', 'x-forwarded-port': '443', 'x-forwarded-proto': 'https' },
      body: '',
      isBase64Encoded: false,
    },
  },
  {
    id: 's3-put',
    label: 'S3 object created',
    event: {
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: region,
          eventTime: time,
          eventName: 'ObjectCreated:Put',
          s3: { s3SchemaVersion: '1.0', bucket: { name: 'example-bucket', arn: 'arn:aws:s3:::example-bucket' }, object: { key: 'uploads/photo.jpg', size: 1024, eTag: 'd41d8cd98f00b204e9800998ecf8427e' } },
        },
      ],
    },
  },
  {
    id: 'sqs',
    label: 'SQS message batch',
    event: {
      Records: [
        {
          messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
          receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
          body: '{"orderId":"1234"}',
          attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(epochMs), SenderId: account, ApproximateFirstReceiveTimestamp: String(epochMs) },
          messageAttributes: {},
          md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
          eventSource: 'aws:sqs',
          eventSourceARN: `arn:aws:sqs:${region}:${account}:example-queue`,
          awsRegion: region,
        },
      ],
    },
  },
  {
    id: 'sns',
    label: 'SNS notification',
    event: {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: `arn:aws:sns:${region}:${account}:example-topic:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
          Sns: { Type: 'Notification', MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e', TopicArn: `arn:aws:sns:${region}:${account}:example-topic`, Subject: 'example', Message: 'Hello from SNS!', Timestamp: time, MessageAttributes: {} },
        },
      ],
    },
  },
  {
    id: 'eventbridge-schedule',
    label: 'EventBridge scheduled event',
    event: {
      version: '0',
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account,
      time,
      region,
      resources: [`arn:aws:events:${region}:${account}:rule/every-five-minutes`],
      detail: {},
    },
  },
  {
    id: 'dynamodb-stream',
    label: 'DynamoDB stream record',
    event: {
      Records: [
        {
          eventID: '1',
          eventName: 'INSERT',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: region,
          dynamodb: { Keys: { Id: { N: '101' } }, NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } }, SequenceNumber: '111', SizeBytes: 26, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          eventSourceARN: `arn:aws:dynamodb:${region}:${account}:table/ExampleTable/stream/2024-05-01T12:00:00.000`,
        },
      ],
    },
  },
  {
    id: 'cloudfront-viewer-request',
    label: 'CloudFront viewer request (Lambda@Edge)',
    event: {
      Records: [
        {
          cf: {
            config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==' },
            request: { clientIp: '203.0.113.178', headers: { host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }], 'user-agent': [{ key: 'User-Agent', value: 'curl/8.5.0' }] }, method: 'GET', querystring: '', uri: '/' },
          },
        },
      ],
    },
  },
];
