import assert from 'node:assert/strict';
import { createWorkbenchService } from '../../../server/src/workbench';
import { createRule, listener, path } from './fixtures';

const service = createWorkbenchService();

/** The hover at the `occurrence`-th `marker` (offset inside it by `into`): its range's text and markdown. */
function hoverAt(text: string, marker: string, into = 1, occurrence = 0): { on: string; markdown: string } | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(marker, at + 1);
  assert.ok(at >= 0, `test bug: ${marker}`);
  const hover = service.hover(service.analyze(text), at + into);
  return hover && { on: text.slice(hover.range.offset, hover.range.offset + hover.range.length), markdown: hover.markdown };
}

describe('alb hover', () => {
  const rule = createRule([path('/img/*'), { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'User-Agent', RegexValues: ['^curl/'] } }], [
    { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Path: '/new/#{path}', StatusCode: 'HTTP_301' } },
  ]);

  it('explains a condition field, with the AWS page', () => {
    const hover = hoverAt(rule, '"path-pattern"');
    assert.equal(hover?.on, '"path-pattern"');
    assert.match(hover?.markdown ?? '', /^\*\*path-pattern condition\*\*\n\nRoutes on the URL path, without the query string\. Case-sensitive/);
    assert.match(hover?.markdown ?? '', /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\/elasticloadbalancing\/latest\/application\/rule-condition-types\.html#path-conditions\)/);
  });

  it('explains an action type', () => {
    assert.match(hoverAt(rule, '"redirect"')?.markdown ?? '', /^\*\*redirect action\*\*/);
  });

  it('explains a placeholder inside a string, and covers only the placeholder', () => {
    const hover = hoverAt(rule, '#{path}', 3);
    assert.equal(hover?.on, '#{path}');
    assert.match(hover?.markdown ?? '', /without its leading "\/": write "\/#\{path\}" to keep it/);
  });

  it('explains keys by where they are', () => {
    assert.match(hoverAt(rule, '"StatusCode"')?.markdown ?? '', /"HTTP_301" \(permanent\) or "HTTP_302"/);
    assert.match(hoverAt(rule, '"Priority"')?.markdown ?? '', /from the lowest value to the highest/);
    assert.match(hoverAt(listener('HTTP', 80, []), '"DefaultActions"')?.markdown ?? '', /what the listener does when no other rule matches/);
  });

  it('describes a match string and a regex value', () => {
    assert.match(hoverAt(rule, '"/img/*"')?.markdown ?? '', /^\*\*path-pattern value `\/img\/\*` \(with 1 wildcard\)\*\*/);
    assert.match(hoverAt(rule, '"^curl/"')?.markdown ?? '', /^\*\*regex `\^curl\/`\*\*\n\nMatched against the header value anywhere in it unless anchored/);
  });

  it('says nothing about what is not ALB', () => {
    assert.equal(hoverAt(rule, '"arn:aws', 5), undefined);
  });
});
