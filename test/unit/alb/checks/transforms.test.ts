import { checkTable } from '../../check-table';
import { createRule, describeRules, forward, path } from '../fixtures';

const urlRewrite = { Type: 'url-rewrite', UrlRewriteConfig: { Rewrites: [{ Regex: '^/api/(.+)$', Replace: '/$1' }] } };
const hostRewrite = { Type: 'host-header-rewrite', HostHeaderRewriteConfig: { Rewrites: [{ Regex: '^mywebsite-(.+).com$', Replace: 'internal.dev.$1.myweb.com' }] } };

checkTable('alb.transforms', {
  valid: [{ name: 'AWS examples: one of each', text: createRule([path('/api/*')], [forward], { Transforms: [urlRewrite, hostRewrite] }) }],
  invalid: [
    { name: 'two url rewrites', text: createRule([path('/api/*')], [forward], { Transforms: [urlRewrite, urlRewrite] }), findings: [{ at: '"url-rewrite"', occurrence: 1, message: 'A rule can have one url-rewrite transform; this is a second.' }] },
    {
      name: 'on the default rule',
      text: JSON.stringify({ Rules: [{ Priority: 'default', IsDefault: true, Conditions: [], Actions: [forward], Transforms: [urlRewrite] }] }),
      findings: [{ at: '"Transforms"', message: 'The default rule cannot have transforms.' }],
    },
    { name: 'an unknown type', text: createRule([path('/a')], [forward], { Transforms: [{ Type: 'path-rewrite' }] }), findings: [{ at: '"path-rewrite"', message: '"path-rewrite" is not a transform type; use "host-header-rewrite" or "url-rewrite".' }] },
    {
      name: 'a backreference in the regex',
      text: describeRules([[1, [path('/a')], [forward], { Transforms: [{ Type: 'url-rewrite', UrlRewriteConfig: { Rewrites: [{ Regex: '^/(a)\\1$', Replace: '/b' }] } }] }]]),
      findings: [{ at: '\\\\1', message: 'ALB regexes do not support a backreference ("\\1").' }],
    },
  ],
});
