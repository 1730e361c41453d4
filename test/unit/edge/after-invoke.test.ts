import assert from 'node:assert/strict';
import { edgeTriggerOf, judgeInvoke, whyNoVerdict, type InvokeOutcome } from '../../../server/src/edge/result/after-invoke';
import { describeRunVerdict } from '../../../server/src/edge/result/describe';
import { cfOf, docsEvent } from './events';

/** An invoke outcome as the runtime reports one (the fields the edge rules read). */
const outcome = (fields: Partial<InvokeOutcome> & Pick<InvokeOutcome, 'payload'>): InvokeOutcome => ({ status: 'success', timedOut: false, durationMs: 3, ...fields });

describe('edge: judging an invoke', () => {
  const event = docsEvent('viewer-request');
  const request = cfOf(event)['request'] as Record<string, any>;

  it('accepts a request returned unchanged', () => {
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify(request) }));
    assert.deepEqual(verdict.run, []);
    assert.equal(verdict.result?.outcome, 'forward-request');
    assert.deepEqual(verdict.result?.violations, []);
    assert.equal(verdict.viewerError, undefined);
  });

  it('judges the result against the event: a changed Host is a 502', () => {
    const changed = { ...request, headers: { ...request['headers'], host: [{ value: 'other.example' }] } };
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify(changed) }));
    assert.deepEqual(verdict.result?.violations.map((v) => v.rule), ['result.read-only-header']);
    assert.deepEqual(verdict.viewerError, { status: 502, errorType: 'LambdaValidationError' });
  });

  it('turns a function error into the 503 CloudFront answers, without judging a result', () => {
    const verdict = judgeInvoke('viewer-request', event, outcome({ status: 'function-error', errorType: 'TypeError', payload: JSON.stringify({ errorType: 'TypeError', errorMessage: 'x is undefined', trace: [] }) }));
    assert.equal(verdict.result, undefined);
    assert.deepEqual(verdict.run.map((v) => v.message), ['The function failed (TypeError: x is undefined); CloudFront answers 503.']);
    assert.deepEqual(verdict.viewerError, { status: 503, errorType: 'LambdaExecutionError' });
  });

  it('reports a run over the viewer trigger\'s 5 s and the settings CloudFront refuses', () => {
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify(request), durationMs: 6000 }), { memoryMB: 512, environment: { STAGE: 'prod' } });
    assert.deepEqual(verdict.run.map((v) => v.rule), ['run.memory-setting', 'run.environment', 'run.timeout']);
    assert.equal(verdict.result, undefined);
    assert.deepEqual(verdict.viewerError, { status: 503, errorType: 'LambdaLimitExceeded' });
  });
});

describe('edge: describing a run\'s verdict', () => {
  const event = docsEvent('viewer-request');
  const request = cfOf(event)['request'] as Record<string, any>;

  it('leads with the viewer\'s error, then each violation at its field', () => {
    const changed = { ...request, headers: { ...request['headers'], via: [{ value: '1.1 proxy' }] } };
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify(changed) }));
    assert.deepEqual(describeRunVerdict('viewer-request', verdict), [
      'CloudFront would answer 502 (LambdaValidationError) to this viewer-request function.',
      '  502 LambdaValidationError result.read-only-header at headers.via: The function adds "via", which is read-only in viewer-request events: CloudFront rejects the result.',
    ]);
  });

  it('says when CloudFront would refuse the function itself', () => {
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify(request) }), { environment: { STAGE: 'prod' } });
    assert.equal(describeRunVerdict('viewer-request', verdict)[0], 'CloudFront would refuse to associate this function with a viewer-request trigger (InvalidLambdaFunctionAssociation).');
  });

  it('says what is lost when CloudFront goes on without it', () => {
    const verdict = judgeInvoke('viewer-request', event, outcome({ payload: JSON.stringify({ ...request, body: { action: 'read-only', encoding: 'text', data: 'x' } }) }));
    assert.equal(describeRunVerdict('viewer-request', verdict)[0], 'CloudFront accepts this viewer-request result (forward-request), with the changes below lost.');
  });
});

describe('edge: recognising a CloudFront event', () => {
  it('reads the trigger of a Lambda@Edge event and nothing else', () => {
    assert.equal(edgeTriggerOf(JSON.stringify(docsEvent('origin-response'))), 'origin-response');
    assert.equal(edgeTriggerOf('{"Records": [{"s3": {}}]}'), undefined);
    assert.equal(edgeTriggerOf('not json'), undefined);
    assert.equal(edgeTriggerOf('{"Records": [{"cf": {"config": {"eventType": "viewer_request"}}}]}'), undefined);
  });

  it('says why a CloudFront event got no verdict, and stays silent for other events', () => {
    assert.match(whyNoVerdict('{"Records": [{"cf": {"request": {}}}]}') ?? '', /^the event has no config, so the trigger, and with it CloudFront's rules, is unknown\./);
    assert.match(whyNoVerdict('{"Records": [{"cf": {"config": {"distributionId": "E1"}}}]}') ?? '', /^the event's config has no eventType/);
    assert.match(whyNoVerdict('{"Records": [{"cf": {"config": {"eventType": "viewer_request"}}}]}') ?? '', /^the eventType "viewer_request" is not a trigger/);
    assert.equal(whyNoVerdict(JSON.stringify(docsEvent('origin-response'))), undefined);
    assert.equal(whyNoVerdict('{"Records": [{"s3": {}}]}'), undefined);
    assert.equal(whyNoVerdict('not json'), undefined);
  });
});
