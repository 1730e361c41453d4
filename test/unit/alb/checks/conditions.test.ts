import { checkTable } from '../../check-table';
import { createRule, describeRules, header, host, method, path, query, sourceIp } from '../fixtures';

checkTable('alb.condition-field', {
  valid: [{ name: 'every field with its own config', text: createRule([host('a.example.com'), path('/a'), header('X-A', 'b'), method('GET'), query({ Value: 'v' })]) }],
  invalid: [
    { name: 'no Field', text: createRule([{ PathPatternConfig: { Values: ['/a'] } }]), findings: [{ at: '{"PathPatternConfig":{"Values":["/a"]}}', message: 'This condition has no Field; AWS refuses it: "A condition field must be specified".' }] },
    {
      name: 'an unknown field, with the likely one offered',
      text: createRule([{ Field: 'path', Values: ['/a'] }]),
      findings: [{ at: '"path"', message: /^"path" is not a condition field; use "host-header", "path-pattern", .* or "source-ip"\.$/, fixes: ['Change to "path-pattern"'] }],
    },
    {
      name: "another field's config",
      text: createRule([{ Field: 'host-header', PathPatternConfig: { Values: ['/a'] } }]),
      findings: [{ at: '"PathPatternConfig"', message: 'PathPatternConfig belongs to path-pattern conditions, and this condition\'s Field is "host-header"; use HostHeaderConfig.' }],
    },
  ],
});

checkTable('alb.condition-values', {
  valid: [
    { name: 'top-level Values on path-pattern', text: createRule([{ Field: 'path-pattern', Values: ['/a'] }]) },
    { name: 'describe-rules output carrying both forms, equal', text: describeRules([[1, [{ Field: 'host-header', Values: ['a.example.com'], HostHeaderConfig: { Values: ['a.example.com'] } }]]]) },
  ],
  invalid: [
    {
      name: 'both forms in an input',
      text: createRule([{ Field: 'host-header', Values: ['a.example.com'], HostHeaderConfig: { Values: ['a.example.com'] } }]),
      findings: [{ at: '"Values"', message: `Give the values once: AWS refuses both forms: "You cannot provide both Values and 'HostHeaderConfig' for a condition of type 'host-header'".` }],
    },
    {
      name: 'both forms in output, disagreeing',
      text: describeRules([[1, [{ Field: 'path-pattern', Values: ['/a'], PathPatternConfig: { Values: ['/b'] } }]]]),
      findings: [{ at: '"Values"', message: 'Values differ from PathPatternConfig.Values; ALB matches PathPatternConfig.Values.' }],
    },
    {
      name: 'top-level Values on a method condition',
      text: createRule([{ Field: 'http-request-method', Values: ['GET'] }]),
      findings: [
        { at: '"Values"', message: 'Values at the top of a condition are only for host-header and path-pattern; put http-request-method values in HttpRequestMethodConfig.' },
      ],
    },
    { name: 'no values', text: createRule([{ Field: 'source-ip', SourceIpConfig: { Values: [] } }]), findings: [{ at: '"source-ip"', message: "This source-ip condition has no values to compare; AWS requires at least one (the value for a condition can't be empty)." }] },
    {
      name: 'a header condition without the header name',
      text: createRule([{ Field: 'http-header', HttpHeaderConfig: { Values: ['x'] } }]),
      findings: [{ at: '"HttpHeaderConfig"', message: 'HttpHeaderConfig needs the HttpHeaderName to compare.' }],
    },
  ],
});

checkTable('alb.duplicate-condition', {
  valid: [{ name: 'two header conditions are fine', text: createRule([header('X-A', 'a'), header('X-B', 'b'), path('/a')]) }],
  invalid: [
    {
      name: 'two path-pattern conditions',
      text: createRule([path('/a'), path('/b')]),
      findings: [{ at: '"path-pattern"', occurrence: 1, message: 'A rule can have only one path-pattern condition; put all the values in the first one (a condition matches when any of its values does).' }],
    },
  ],
});

checkTable('alb.condition-limits', {
  valid: [
    { name: 'five values', text: createRule([path('/a', '/b', '/c'), host('a.example.com', 'b.example.com')]) },
    { name: 'escaped wildcards do not count', text: createRule([query({ Key: 'a', Value: '\\*\\*\\*' }, { Value: '\\?\\?\\?' })]) },
  ],
  invalid: [
    {
      name: 'six values across conditions',
      text: createRule([path('/a', '/b', '/c'), host('a.example.com', 'b.example.com'), method('GET')]),
      findings: [{ at: '"GET"', message: `This rule has 6 condition values; AWS refuses more than 5: "A rule can only have '5' condition values and regex values". Split it into several rules.` }],
    },
    {
      name: 'six wildcards',
      text: createRule([path('/a/*/*', '/b/??'), host('*.example.*')]),
      findings: [{ at: '"*.example.*"', message: 'This rule has 6 wildcards (* and ?); AWS allows 5 per rule.' }],
    },
  ],
});

checkTable('alb.values-per-condition', {
  valid: [
    { name: 'three values', text: createRule([path('/a', '/b', '/c')]) },
    { name: 'source-ip takes five', text: createRule([sourceIp('10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16')]) },
  ],
  invalid: [
    {
      name: 'four path patterns',
      text: createRule([path('/a', '/b', '/c', '/d')]),
      findings: [{ at: '"/d"', message: 'This condition has 4 values; AWS documents up to 3 match evaluations per condition. Split it if AWS refuses it.' }],
    },
  ],
});

checkTable('alb.regex-values', {
  valid: [
    { name: 'a regex on a path', text: createRule([{ Field: 'path-pattern', PathPatternConfig: { RegexValues: ['^/api/v[0-9]+/.*$'] } }]) },
    { name: 'a regex at the top of a host condition', text: createRule([{ Field: 'host-header', RegexValues: ['^example\\.com:8443$'] }]) },
  ],
  invalid: [
    {
      name: 'on a method condition',
      text: createRule([{ Field: 'http-request-method', RegexValues: ['^G'] }]),
      findings: [{ at: '"RegexValues"', message: 'RegexValues work only on host-header, path-pattern and http-header conditions, not http-request-method.' }],
    },
    {
      name: 'next to Values',
      text: createRule([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a'], RegexValues: ['^/b'] } }]),
      findings: [{ at: '"RegexValues"', message: 'Use either Values or RegexValues in a condition, not both.' }],
    },
    {
      name: 'a lookahead, pointed at inside the escaped JSON string',
      text: createRule([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'User-Agent', RegexValues: ['^\\d+(?!bot)'] } }]),
      findings: [{ at: '(?!', message: 'ALB regexes do not support a lookahead ("(?!").' }],
    },
    { name: 'a syntax error', text: createRule([{ Field: 'path-pattern', RegexValues: ['^/(a'] }]), findings: [{ at: '"^/(a"', message: 'This is not a valid regular expression: Unterminated group.' }] },
  ],
});
