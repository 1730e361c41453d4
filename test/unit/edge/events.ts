import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The CloudFront docs' example event of a trigger, as stored under test/fixtures/edge. */
export function docsExample(trigger: 'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response'): string {
  return readFileSync(join(__dirname, '../../../../test/fixtures/edge', `aws-docs-${trigger}.json`), 'utf8');
}

/** The docs' example as data, for tests that change one thing in it. */
export function docsEvent(trigger: Parameters<typeof docsExample>[0]): EventData {
  return JSON.parse(docsExample(trigger)) as EventData;
}

/** A Lambda@Edge event as loose data (tests break it on purpose). */
export interface EventData {
  Records: Array<{ cf: Record<string, any> }>;
}

/** `Records[0].cf` of an event. */
export function cfOf(event: EventData): Record<string, any> {
  const record = event.Records[0];
  if (!record) throw new Error('test bug: no record');
  return record.cf;
}

/** A copy of the docs' example of `trigger`, changed by `change`, as JSON text (indented unless `indent` is 0). */
export function changed(trigger: Parameters<typeof docsExample>[0], change: (cf: Record<string, any>) => void, indent = 2): string {
  const event = docsEvent(trigger);
  change(cfOf(event));
  return JSON.stringify(event, null, indent);
}
