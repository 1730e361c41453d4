import type { Node } from 'jsonc-parser';
import { parseJsonDocument } from '../../document/json';
import { propertyNode, propertyValue } from '../../document/tree';
import { edgeDocs } from '../model/docs';
import { isRequestTrigger, type Trigger } from '../model/triggers';
import { describeValue } from '../event/names';
import { inputPartsOf, violationAt, type ResultContext } from './context';
import { requestRules } from './request-rules';
import { responseRules } from './response-rules';
import { validationError, viewerErrorOf, type Outcome, type ResultVerdict, type Violation } from './verdict';

/** What the result is checked against: the trigger, and the event the function received when known. */
export interface ResultOptions {
  readonly trigger: Trigger;
  /** The input event (as data): lets the rules see what a function changed (read-only headers and fields, the viewer-response status). */
  readonly event?: unknown;
}

/**
 * Checks what a Lambda@Edge function returned as CloudFront does after the
 * invoke: `text` is the result's JSON as the runtime hands it back.
 * Plugs in after any invoke: (event, result) in, verdict out.
 */
export function checkResultText(text: string, options: ResultOptions): ResultVerdict {
  const { trigger } = options;
  const document = parseJsonDocument(text);
  const root = document.root;
  const unchecked = options.event === undefined ? ['read-only headers and fields, and a viewer-response status change: they need the input event'] : [];
  if (!root || document.syntaxProblems.length) {
    const violation: Violation = {
      rule: 'result.not-json',
      message: 'The function returned something that is not JSON: CloudFront says "The Lambda function returned invalid json: The json output is not parsable."',
      consequence: validationError,
      path: [],
      range: { offset: 0, length: text.length },
      docs: edgeDocs.validationErrors,
    };
    return verdict(trigger, undefined, [violation], unchecked);
  }
  const context: ResultContext = { trigger, document, root, input: options.event === undefined ? undefined : inputPartsOf(options.event) };
  const shape = shapeProblem(root, trigger);
  if (shape) return verdict(trigger, undefined, [shape], unchecked);
  const isResponse = looksLikeResponse(root);
  if (!isRequestTrigger(trigger) && !isResponse) {
    const message = `${trigger === 'origin-response' ? 'An' : 'A'} ${trigger} function returns the response (with "status"); this looks like a request.`;
    return verdict(trigger, 'return-response', [violationAt(root, 'result.wrong-kind', message, validationError, edgeDocs.updatingResponses)], unchecked);
  }
  const outcome: Outcome = isRequestTrigger(trigger) ? (isResponse ? 'generated-response' : 'forward-request') : 'return-response';
  const violations = [...(outcome === 'forward-request' ? requestRules(context) : responseRules(context))];
  return verdict(trigger, outcome, violations, unchecked);
}

/** The same check for a result the runtime hands back as data (undefined is how a function returning nothing arrives). */
export function checkResult(result: unknown, options: ResultOptions): ResultVerdict {
  return checkResultText(JSON.stringify(result === undefined ? null : result, null, 2), options);
}

function verdict(trigger: Trigger, outcome: Outcome | undefined, violations: Violation[], unchecked: string[]): ResultVerdict {
  return { trigger, outcome, violations, viewerError: viewerErrorOf(violations), unchecked };
}

/** Not an object, or the whole event or record instead of its request or response. */
function shapeProblem(root: Node, trigger: Trigger): Violation | undefined {
  const wanted = isRequestTrigger(trigger) ? 'event.Records[0].cf.request (or a response)' : 'event.Records[0].cf.response';
  if (root.type !== 'object') {
    return violationAt(root, 'result.not-an-object', `The function returned ${describeValue(root)}; CloudFront says "The Lambda function returned invalid JSON: The JSON output must be an object type." Return ${wanted}.`, validationError, edgeDocs.validationErrors);
  }
  const records = propertyNode(root, 'Records')?.children?.[0];
  const config = propertyNode(root, 'config')?.children?.[0];
  if (records || (config && propertyValue(root, 'request'))) {
    return violationAt(records ?? config ?? root, 'result.whole-event', `The function returned the whole ${records ? 'event' : 'record'}; return ${wanted}.`, validationError, edgeDocs.eventStructure);
  }
  return undefined;
}

/** A response has a status (or a field only responses have: a mistyped status, a body encoding). */
function looksLikeResponse(root: Node): boolean {
  return ['status', 'statusCode', 'statusDescription', 'bodyEncoding'].some((name) => propertyValue(root, name) !== undefined);
}
