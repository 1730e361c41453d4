import { checkTable } from '../../check-table';
import { describeRules, forward, header, host, method, notFound, path, query, sourceIp, template, valueAt } from '../fixtures';

const inTemplate = template('HTTPS', 443, [forward], { All: { priority: 1, conditions: [host('*')] }, Api: { priority: 2, conditions: [host('api.example.com')] } });

const other = { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1' };

checkTable('alb.shadowed-rule', {
  valid: [
    { name: 'a narrower rule first', text: describeRules([[1, [path('/img/*')]], [2, [path('/*'), host('example.com')]]]) },
    { name: 'disjoint paths', text: describeRules([[1, [path('/a/*')]], [2, [path('/b/*')]]]) },
    { name: 'a wider path but a narrower host is not shadowed', text: describeRules([[1, [path('/*'), host('api.example.com')]], [2, [path('/img/*')]]]) },
    { name: 'case matters in paths', text: describeRules([[1, [path('/img/*')]], [2, [path('/IMG/*')]]]) },
    { name: 'a header the earlier rule does not look at keeps the later one reachable... only if the earlier rule has conditions it lacks', text: describeRules([[1, [path('/a'), header('X-Env', 'prod')]], [2, [path('/a')]]]) },
    // "?*" (one or more characters) is within "?" or "??*" together, but within neither alone: not claimed.
    { name: 'a query pair covered only by two pairs together is not claimed', text: describeRules([[1, [query({ Key: 'a', Value: '?' }, { Key: 'a', Value: '??*' })]], [2, [query({ Key: 'a', Value: '?*' })]]]) },
    { name: 'regexes the analysis cannot compare', text: describeRules([[1, [{ Field: 'path-pattern', PathPatternConfig: { RegexValues: ['^/a'] } }]], [2, [path('/a/b')]]]) },
    { name: 'no rule takes everything before the default', text: describeRules([[1, [path('/api/*')]]]) },
  ],
  invalid: [
    {
      name: 'a catch-all path first',
      text: describeRules([[1, [path('/*')]], [2, [path('/img/*')]]]),
      findings: [
        { at: '"2"', message: 'Rule 2 can never match: rule 1 comes first and matches every request it would (path-pattern "/img/*" is within "/*"). For example, `GET https://example.com/img/` goes to rule 1.' },
        { at: '"default"', message: 'The default rule never runs: rule 1 comes first and matches every request (path-pattern "/*" matches every path). For example, `GET https://example.com/` goes to rule 1.' },
      ],
    },
    {
      name: 'the same host, fewer conditions first',
      text: describeRules([[10, [host('*.example.com')]], [20, [host('api.example.com'), method('GET', 'HEAD')]]]),
      findings: [{ at: '"20"', message: 'Rule 20 can never match: rule 10 comes first and matches every request it would (host-header "api.example.com" is within "*.example.com"). For example, `GET https://api.example.com/` goes to rule 10.' }],
    },
    {
      name: 'hosts compared without case',
      text: describeRules([[1, [host('API.example.com')]], [2, [host('api.EXAMPLE.com')]]], [notFound]),
      findings: [{ at: '"2"', message: /^Rule 2 can never match: rule 1 comes first/ }],
    },
    {
      name: 'source blocks and methods',
      text: describeRules([[1, [sourceIp('10.0.0.0/8'), method('GET', 'POST')]], [2, [sourceIp('10.1.0.0/16'), method('GET'), path('/x')]]]),
      findings: [{ at: '"2"', message: 'Rule 2 can never match: rule 1 comes first and matches every request it would (http-request-method GET is among GET, POST; source-ip 10.1.0.0/16 is within 10.0.0.0/8). For example, `GET https://example.com/x --source-ip 10.1.0.0` goes to rule 1.' }],
    },
    {
      name: 'header and query conditions',
      text: describeRules([[1, [header('User-Agent', '*bot*'), query({ Key: 'debug', Value: '*' })]], [2, [header('user-agent', '*googlebot*'), query({ Key: 'debug', Value: 'true' }), path('/a')]]]),
      findings: [{ at: '"2"', message: 'Rule 2 can never match: rule 1 comes first and matches every request it would (http-header user-agent "*googlebot*" is within "*bot*"; query-string debug=true is within debug=*). For example, `GET https://example.com/a?debug=true -H "user-agent: googlebot"` goes to rule 1.' }],
    },
    {
      name: 'two earlier rules together',
      text: describeRules([[1, [path('/a/*')]], [2, [path('/b/*')], [other]], [3, [path('/a/x', '/b/*')]]]),
      findings: [{ at: '"3"', message: "Rule 3 can never match: rule 1 and rule 2 come first and together match every request it would (together their path-pattern values cover this rule's, and they agree with it on everything else). For example, `GET https://example.com/a/x` goes to rule 1." }],
    },
    {
      name: 'a pattern no path can match',
      text: describeRules([[1, [path('api/*')]]]),
      findings: [{ at: '"1"', message: 'Rule 1 can never match: no request path matches "api/*": request paths start with "/".' }],
    },
    {
      name: 'named by logical id in a template',
      text: inTemplate,
      findings: [
        { at: '"DefaultActions"', message: /^The default rule never runs: rule All \(priority 1\) comes first/ },
        { at: '2', offset: valueAt(inTemplate, 'Priority', 1), message: 'Rule Api (priority 2) can never match: rule All (priority 1) comes first and matches every request it would (host-header "api.example.com" is within "*"). For example, `GET https://api.example.com/` goes to rule All (priority 1).' },
      ],
    },
  ],
});

checkTable('alb.overlapping-rules', {
  valid: [
    { name: 'disjoint rules', text: describeRules([[1, [path('/a/*')], [other]], [2, [path('/b/*')]]]) },
    { name: 'overlapping rules that do the same', text: describeRules([[1, [path('/img/*')]], [2, [path('/*.png')]]]) },
    { name: 'rules on different fields overlap by construction', text: describeRules([[1, [host('api.example.com')], [other]], [2, [path('/img/*')]]]) },
    { name: 'a shadowed rule is reported as shadowed, not overlapping', text: describeRules([[1, [path('/*')], [other]], [2, [path('/img/*')]]]) },
  ],
  invalid: [
    {
      name: 'two path patterns that meet',
      text: describeRules([[1, [path('/img/*')], [other]], [2, [path('/*.png')]]]),
      findings: [{ at: '"2"', message: 'Rule 2 overlaps rule 1, which comes first and does something else: GET https://example.com/img/.png matches both and goes to rule 1.' }],
    },
    {
      name: 'with a header and a source address in the example',
      text: describeRules([[1, [header('X-Canary', 'on'), sourceIp('192.0.2.0/24')], [other]], [2, [path('/app/*'), sourceIp('192.0.2.128/25')]]]),
      findings: [{ at: '"2"', message: 'Rule 2 overlaps rule 1, which comes first and does something else: GET https://example.com/app/ -H "x-canary: on" from 192.0.2.128 matches both and goes to rule 1.' }],
    },
  ],
});
