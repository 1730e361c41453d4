import { checkTable } from '../../check-table';
import { createRule, forward, listener, notFound, path, template, tg, valueAt } from '../fixtures';

const oidc = { Type: 'authenticate-oidc', AuthenticateOidcConfig: { Issuer: 'https://idp', AuthorizationEndpoint: 'https://idp/a', TokenEndpoint: 'https://idp/t', UserInfoEndpoint: 'https://idp/u', ClientId: 'c', ClientSecret: 's' } };
const redirect = (config: object) => ({ Type: 'redirect', RedirectConfig: config });
const late = createRule([path('/a')], [{ ...forward, Order: 1 }, { ...oidc, Order: 2 }]);
const twoTargets = createRule([path('/a')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 1000 }, { TargetGroupArn: 'b', Weight: 1 }] } }]);

checkTable('alb.action-type', {
  valid: [
    { name: 'forward, redirect and fixed-response with their configs', text: createRule([path('/a')], [forward]) },
    { name: 'a redirect', text: createRule([path('/a')], [redirect({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' })]) },
  ],
  invalid: [
    { name: 'unknown type', text: createRule([path('/a')], [{ Type: 'fixed', FixedResponseConfig: { StatusCode: '200' } }]), findings: [{ at: '"fixed"', message: /^"fixed" is not an action type/, fixes: ['Change to "fixed-response"'] }] },
    {
      name: 'a redirect without its config',
      text: createRule([path('/a')], [{ Type: 'redirect' }]),
      findings: [{ at: '"redirect"', message: `AWS refuses a redirect action without its configuration: "For actions of type 'redirect', you must specify the following fields: 'RedirectConfig'".` }],
    },
    { name: 'forward without a target', text: createRule([path('/a')], [{ Type: 'forward' }]), findings: [{ at: '"forward"', message: 'A forward action needs a TargetGroupArn or a ForwardConfig with its target groups.' }] },
    { name: "another type's config", text: createRule([path('/a')], [{ ...forward, RedirectConfig: {} }]), findings: [{ at: '"RedirectConfig"', message: 'RedirectConfig does not belong on a forward action; it takes ForwardConfig.' }] },
  ],
});

checkTable('alb.action-order', {
  valid: [
    { name: 'one action without Order', text: createRule([path('/a')], [forward]) },
    { name: 'authenticate then forward', text: createRule([path('/a')], [{ ...oidc, Order: 1 }, { ...forward, Order: 2 }]) },
  ],
  invalid: [
    { name: 'no final action', text: createRule([path('/a')], [oidc]), findings: [{ at: '"Actions"', message: 'A rule needs one forward, redirect or fixed-response action to end with.' }] },
    {
      name: 'two final actions',
      text: createRule([path('/a')], [{ ...forward, Order: 1 }, { ...notFound, Order: 2 }]),
      findings: [{ at: '"fixed-response"', message: 'A rule has exactly one forward, redirect or fixed-response action; this fixed-response is a second one.' }],
    },
    {
      name: 'forward before authenticate',
      text: late,
      findings: [{ at: '1', offset: valueAt(late, 'Order'), message: 'The forward action must be performed last: give it the highest Order.' }],
    },
    { name: 'several actions without Order', text: createRule([path('/a')], [oidc, forward]), findings: [{ at: '"authenticate-oidc"' , message: 'With several actions, each needs an Order (the lowest is performed first).' }, { at: '"forward"', message: 'With several actions, each needs an Order (the lowest is performed first).' }] },
  ],
});

checkTable('alb.authenticate-https', {
  valid: [{ name: 'on HTTPS', text: listener('HTTPS', 443, [{ ...oidc, Order: 1 }, { ...forward, Order: 2 }]) }],
  invalid: [
    {
      name: 'on HTTP',
      text: listener('HTTP', 80, [{ ...oidc, Order: 1 }, { ...forward, Order: 2 }]),
      findings: [{ at: '"authenticate-oidc"', message: 'authenticate-oidc actions work only on HTTPS listeners; the listener is HTTP.' }],
    },
  ],
});

checkTable('alb.forward-config', {
  valid: [
    { name: 'weighted target groups with stickiness', text: createRule([path('/a')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: 80 }, { TargetGroupArn: 'b', Weight: 20 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 } } }]) },
    { name: 'TargetGroupArn with the same single group', text: createRule([path('/a')], [{ Type: 'forward', TargetGroupArn: tg, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }] } }]) },
  ],
  invalid: [
    { name: 'weight over 999', text: twoTargets, findings: [{ at: '1000', offset: valueAt(twoTargets, 'Weight'), message: 'Weight must be a whole number from 0 to 999 (got 1000).' }] },
    {
      name: 'six target groups',
      text: createRule([path('/a')], [{ Type: 'forward', ForwardConfig: { TargetGroups: ['a', 'b', 'c', 'd', 'e', 'f'].map((t) => ({ TargetGroupArn: t, Weight: 1 })) } }]),
      findings: [{ at: '{"TargetGroupArn":"f","Weight":1}', message: 'A forward action takes at most 5 target groups; this is number 6.' }],
    },
    {
      name: 'stickiness without duration',
      text: createRule([path('/a')], [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a' }], TargetGroupStickinessConfig: { Enabled: true } } }]),
      findings: [{ at: 'true', message: 'Stickiness is enabled without DurationSeconds; AWS requires the duration (1 to 604,800 seconds).' }],
    },
    {
      name: 'TargetGroupArn next to two groups',
      text: createRule([path('/a')], [{ Type: 'forward', TargetGroupArn: 'a', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a' }, { TargetGroupArn: 'b' }] } }]),
      findings: [{ at: '"a"', message: 'With both TargetGroupArn and ForwardConfig, ForwardConfig must hold exactly that one target group; keep only ForwardConfig.' }],
    },
  ],
});

checkTable('alb.redirect-config', {
  valid: [
    { name: 'AWS example: HTTP to HTTPS', text: listener('HTTP', 80, [redirect({ Protocol: 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' })]) },
    { name: 'AWS example: a new path', text: createRule([path('/old/*')], [redirect({ Path: '/new/#{path}', Query: '#{query}&value=xyz', StatusCode: 'HTTP_302' })]) },
  ],
  invalid: [
    { name: 'status without HTTP_', text: createRule([path('/a')], [redirect({ Protocol: 'HTTPS', StatusCode: '301' })]), findings: [{ at: '"301"', message: 'StatusCode must be "HTTP_301" or "HTTP_302" (got "301").', fixes: ['Change to "HTTP_301"'] }] },
    {
      name: 'HTTPS to HTTP',
      text: listener('HTTPS', 443, [redirect({ Protocol: 'HTTP', StatusCode: 'HTTP_301' })]),
      findings: [{ at: '"HTTP"', message: 'the listener is HTTPS, and AWS refuses a redirect to plain HTTP: "You cannot redirect HTTPS to HTTP".' }],
    },
    {
      name: 'a path without its slash',
      text: createRule([path('/a')], [redirect({ Path: 'new/#{path}', StatusCode: 'HTTP_301' })]),
      findings: [{ at: '"new/#{path}"', message: /^AWS refuses this path: "The Path parameter must be a valid path, should start with a '\/'/, fixes: ['Change to "/new/#{path}"'] }],
    },
    { name: '#{query} in the path', text: createRule([path('/a')], [redirect({ Path: '/x/#{query}', StatusCode: 'HTTP_301' })]), findings: [{ at: '#{query}', message: 'Path can hold only #{host}, #{path} or #{port}, not #{query}.' }] },
    { name: 'an unknown placeholder', text: createRule([path('/a')], [redirect({ Host: '#{hostname}', StatusCode: 'HTTP_301' })]), findings: [{ at: '#{hostname}', message: '"#{hostname}" is not a placeholder; ALB knows #{protocol}, #{host}, #{port}, #{path} or #{query}.' }] },
    { name: 'a leading ? in the query', text: createRule([path('/a')], [redirect({ Protocol: 'HTTPS', Query: '?a=1', StatusCode: 'HTTP_301' })]), findings: [{ at: '?', message: 'Leave out the leading "?" of Query: ALB adds it.' }] },
    { name: 'port 0', text: createRule([path('/a')], [redirect({ Port: '0', StatusCode: 'HTTP_301' })]), findings: [{ at: '"0"', message: 'Port must be from 1 to 65535, or "#{port}" (got "0").' }] },
  ],
});

checkTable('alb.redirect-loop', {
  valid: [
    { name: 'HTTP to HTTPS', text: listener('HTTP', 80, [redirect({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' })]) },
    { name: 'a new path', text: createRule([path('/old/*')], [redirect({ Path: '/new/#{path}', StatusCode: 'HTTP_301' })]) },
    { name: 'a literal protocol on a listener of unknown protocol', text: createRule([path('/a')], [redirect({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' })]) },
  ],
  invalid: [
    {
      name: 'nothing changed',
      text: createRule([path('/a')], [redirect({ Query: 'x=1', StatusCode: 'HTTP_302' })]),
      findings: [{ at: '"RedirectConfig"', message: 'This redirect keeps the protocol, host, port and path, so it sends the client to the same URL; AWS refuses it: "The redirect configuration is not valid because it creates a loop."' }],
    },
    {
      name: 'HTTPS to HTTPS on an HTTPS listener, same port',
      text: template('HTTPS', 443, [redirect({ Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' })], {}),
      findings: [{ at: '"RedirectConfig"', message: /creates a loop/ }],
    },
  ],
});

checkTable('alb.fixed-response-config', {
  valid: [{ name: 'AWS example', text: createRule([path('/a')], [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: 'Hello world' } }]) }],
  invalid: [
    { name: 'a 3XX status', text: createRule([path('/a')], [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }]), findings: [{ at: '"302"', message: 'StatusCode must be a 2XX, 4XX or 5XX code (got "302").' }] },
    {
      name: 'a content type with a charset',
      text: createRule([path('/a')], [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', ContentType: 'text/html; charset=utf-8' } }]),
      findings: [{ at: '"text/html; charset=utf-8"', message: /^ContentType must be "text\/plain", / , fixes: ['Change to "text/html"'] }],
    },
    {
      name: 'a body over 1,024 bytes (counted in UTF-8)',
      text: createRule([path('/a')], [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200', MessageBody: 'é'.repeat(513) } }]),
      findings: [{ at: `"${'é'.repeat(513)}"`, message: 'MessageBody is 1,026 bytes; AWS allows 1,024.' }],
    },
  ],
});

checkTable('alb.http-listener-forwards', {
  valid: [
    { name: 'HTTP redirecting to HTTPS', text: listener('HTTP', 80, [redirect({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' })]) },
    { name: 'HTTPS forwarding', text: listener('HTTPS', 443, [forward]) },
  ],
  invalid: [
    {
      name: 'HTTP on port 80 forwarding',
      text: listener('HTTP', 80, [forward]),
      findings: [{ at: '"forward"', message: 'The listener is plain HTTP on port 80 and forwards by default; redirect to HTTPS so that traffic is encrypted.', fixes: ['Redirect to HTTPS (301)'] }],
    },
  ],
});

checkTable('alb.redirect-keeps-port', {
  valid: [
    { name: 'with Port 443', text: listener('HTTP', 80, [redirect({ Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' })]) },
    { name: 'on an HTTPS listener', text: listener('HTTPS', 443, [redirect({ Protocol: 'HTTPS', Host: 'www.#{host}', StatusCode: 'HTTP_301' })]) },
  ],
  invalid: [
    {
      name: 'HTTPS without a Port',
      text: listener('HTTP', 80, [redirect({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' })]),
      findings: [{ at: '"HTTPS"', message: 'This redirect switches to HTTPS but keeps port 80, since components it does not set keep their values; set "Port": "443".', fixes: ['Add "Port": "443"'] }],
    },
    {
      name: 'HTTPS with #{port}',
      text: listener('HTTP', 8080, [redirect({ Protocol: 'HTTPS', Port: '#{port}', StatusCode: 'HTTP_301' })]),
      findings: [{ at: '"HTTPS"', message: /keeps port 8080/, fixes: ['Set Port to 443'] }],
    },
  ],
});
